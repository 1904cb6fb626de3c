import { Connection } from '@temporalio/client';
import { freePort } from '../local-stack/ports';
import { ClosableGrpcRetry } from './closable-grpc-retry';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ClosableGrpcRetry', () => {
  it('lets a connection close while a call to an unreachable server is backing off, failing the call instead of throwing from the timer', async () => {
    const retry = new ClosableGrpcRetry();
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [retry.interceptor] });
    let settled = false;
    const outcome = connection.workflowService.getSystemInfo({}).then(
      () => 'answered',
      (err: { code?: number }) => err.code,
    );
    void outcome.finally(() => (settled = true));

    await sleep(400);
    expect(settled).toBe(false); // every attempt is refused at once, so only the retry keeps the call open
    await retry.drain();
    await connection.close();

    expect(await outcome).toBe(14); // UNAVAILABLE, handed to the caller
    // with the SDK's own retry, the timer still pending would now throw "Channel has been shut down" and fail this test
    await sleep(1_500);
  });
});

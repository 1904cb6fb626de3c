import { CircuitOpenError } from '../../../infra/queue/job-catalog';
import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let clock = 0;
  const breaker = () => new CircuitBreaker('sms', 3, 10_000, () => clock);
  const fail = () => Promise.reject(new Error('HTTP 503'));

  beforeEach(() => {
    clock = 0;
  });

  it('opens after the threshold of consecutive failures and refuses calls during the cooldown', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow('HTTP 503');
    const call = jest.fn(() => Promise.resolve('ok'));
    await expect(b.run(call)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(call).not.toHaveBeenCalled();
  });

  it('lets one trial through after the cooldown and closes on success', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow();
    clock = 10_001;
    await expect(b.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(b.isOpen).toBe(false);
  });

  it('a success resets the count, so scattered failures never open it', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) {
      await expect(b.run(fail)).rejects.toThrow();
      await b.run(() => Promise.resolve(1));
    }
    expect(b.isOpen).toBe(false);
  });
});

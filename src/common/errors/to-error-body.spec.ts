import { NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { toErrorBody } from './to-error-body';

describe('toErrorBody', () => {
  it('keeps a domain error code and message', () => {
    const { status, body } = toErrorBody(new DomainError('CONFLICT', '重复'), 'c1');
    expect(status).toBe(409);
    expect(body).toEqual({ code: 'CONFLICT', message: '重复', correlationId: 'c1' });
  });

  it.each([
    ['P2002', 409, 'CONFLICT'],
    ['P2025', 404, 'NOT_FOUND'],
    ['P2003', 400, 'INVALID_REFERENCE'],
    ['P2020', 400, 'VALIDATION_FAILED'],
  ])('maps Prisma %s to %i', (prismaCode, status, code) => {
    const err = Object.assign(new Error('prisma'), { code: prismaCode, meta: { target: ['x'] } });
    const out = toErrorBody(err, 'c2');
    expect(out.status).toBe(status);
    expect(out.body.code).toBe(code);
  });

  it('turns an unknown error into a 500 carrying the correlation id, without leaking its message', () => {
    const out = toErrorBody(new Error('secret stack detail'), 'c3');
    expect(out).toMatchObject({ status: 500, unexpected: true, body: { code: 'INTERNAL', correlationId: 'c3' } });
    expect(out.body.message).not.toContain('secret');
  });

  it('maps framework HTTP exceptions to codes', () => {
    expect(toErrorBody(new NotFoundException(), 'c4').body.code).toBe('NOT_FOUND');
  });
});

import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorCode, httpStatusOf } from './error-code';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId: string;
}
export interface MappedError {
  status: number;
  body: ErrorBody;
  unexpected: boolean;
}

const prismaCodes: Record<string, { code: ErrorCode; message: string }> = {
  P2002: { code: ErrorCode.CONFLICT, message: '记录已存在（唯一约束冲突）' },
  P2025: { code: ErrorCode.NOT_FOUND, message: '记录不存在' },
  P2003: { code: ErrorCode.INVALID_REFERENCE, message: '引用的记录不存在（外键约束）' },
  // a number beyond what its column holds (e.g. a version above 2^31 - 1) is bad input, not a server fault
  P2020: { code: ErrorCode.VALIDATION_FAILED, message: '数值超出允许范围' },
};

const httpCodes: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  503: ErrorCode.DEPENDENCY_UNAVAILABLE,
};

/** Maps any thrown value to the one error shape the API returns. */
export function toErrorBody(error: unknown, correlationId: string): MappedError {
  if (error instanceof DomainError) {
    return mapped(error.code, error.message, correlationId, error.details);
  }
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (typeof prismaCode === 'string' && prismaCodes[prismaCode]) {
    const { code, message } = prismaCodes[prismaCode];
    return mapped(code, message, correlationId, { prismaCode, target: (error as { meta?: unknown }).meta });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = httpCodes[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    return { status, body: { code, message: error.message, correlationId }, unexpected: status >= 500 };
  }
  return { ...mapped(ErrorCode.INTERNAL, '服务器内部错误，请凭关联编号联系管理员', correlationId), unexpected: true };
}

function mapped(code: ErrorCode, message: string, correlationId: string, details?: unknown): MappedError {
  const body: ErrorBody = { code, message, correlationId, ...(details === undefined ? {} : { details }) };
  return { status: httpStatusOf[code], body, unexpected: false };
}

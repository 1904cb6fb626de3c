import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z, ZodType } from 'zod';
import { ErrorCode, httpStatusOf } from '../errors/error-code';
import { openApiSchemaOf } from './zod-openapi';

/** The one error shape every failing request answers with (see to-error-body.ts). */
export const errorBodySchema = z.object({
  code: z.enum(Object.keys(httpStatusOf) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.unknown().optional(),
  correlationId: z.string(),
});

export const ERROR_BODY_COMPONENT = 'ErrorBody';
export const errorBodyRef = { $ref: `#/components/schemas/${ERROR_BODY_COMPONENT}` };

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 423 | 429 | 500 | 503;

const errorDescriptions: Record<ErrorStatus, string> = {
  400: '请求参数无效（VALIDATION_FAILED 等），未做任何修改',
  401: '未登录或令牌无效、过期、已吊销',
  403: '所持角色无此权限',
  404: '不存在，或不在您的管辖范围内',
  409: '与当前状态冲突（非法状态转换、重复等）',
  423: '账号已锁定',
  429: '尝试次数过多',
  500: '服务器内部错误（凭关联编号查日志）',
  503: '依赖服务不可用',
};

/** Documents the error statuses a route may answer, each with the shared error body. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: errorDescriptions[status], schema: errorBodyRef })),
  );

export const errorDescriptionOf = (status: ErrorStatus) => errorDescriptions[status];

/** Documents a route's success body from the zod schema its return type is inferred from. */
export const ApiZodResponse = (status: number, schema: ZodType, description = '成功') =>
  ApiResponse({ status, description, schema: openApiSchemaOf(schema, 'output') });

/** What a route returns: the output type of its response schema. */
export type ResponseOf<S extends ZodType> = z.output<S>;

import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logger } from '../logging/logger';
import { correlationIdOf } from '../http/correlation-id.middleware';
import { toErrorBody } from './to-error-body';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body, unexpected } = toErrorBody(exception, correlationIdOf(request));
    if (unexpected) {
      logger.error({ err: exception, correlationId: body.correlationId, path: request.url }, 'unhandled error');
    }
    response.status(status).json(body);
  }
}

import { Controller, Get, HttpCode, MessageEvent, Param, Post, Put, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { InboxEventsService } from './inbox-events.service';
import { InboxListQuery, inboxListSchema, SettingsDto, settingsSchema } from './inbox.dto';
import { InboxService } from './inbox.service';
import { ApiResponse } from '@nestjs/swagger';
import { ApiZodResponse } from '../../common/http/api-responses';
import { inboxMessageSchema, inboxPageSchema, notificationSettingSchema, unreadCountSchema } from './inbox.dto';

@ApiTags('站内信 inbox')
@ApiBearerAuth()
@Controller('api/v1/inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly events: InboxEventsService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '我的消息（最新在前，可只看未读）' })
  @ApiZodQuery(inboxListSchema)
  @ApiZodResponse(200, inboxPageSchema)
  list(@CurrentPrincipal() me: Principal, @ZodQuery(inboxListSchema) q: InboxListQuery) {
    return this.inbox.list(me.personId, q);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: '未读消息数' })
  @ApiZodResponse(200, unreadCountSchema)
  unread(@CurrentPrincipal() me: Principal) {
    return this.inbox.unreadCount(me.personId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '标记已读' })
  @ApiZodResponse(200, inboxMessageSchema)
  read(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.inbox.mark(me.personId, id, false);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '确认收到（需确认的提醒不确认将上报）' })
  @ApiZodResponse(200, inboxMessageSchema)
  ack(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.inbox.mark(me.personId, id, true);
  }

  @Get('settings')
  @Authenticated()
  @ApiOperation({ summary: '我的免打扰时段与通道偏好' })
  @ApiZodResponse(200, notificationSettingSchema)
  settings(@CurrentPrincipal() me: Principal) {
    return this.inbox.settings(me.personId);
  }

  @Put('settings')
  @Authenticated()
  @ApiOperation({ summary: '设置免打扰时段（默认 22:00–07:00）与关闭的通道（紧急消息不受影响）' })
  @ApiZodBody(settingsSchema)
  @ApiZodResponse(200, notificationSettingSchema)
  saveSettings(@CurrentPrincipal() me: Principal, @ZodBody(settingsSchema) dto: SettingsDto) {
    return this.inbox.saveSettings(me.personId, dto);
  }

  @Sse('stream')
  @Authenticated()
  @ApiOperation({ summary: '实时推送（Server-Sent Events）：新消息与已读变化' })
  @ApiResponse({
    status: 200,
    description: '事件流（ready、新消息、已读变化）',
    content: {
      'text/event-stream': {
        schema: {
          type: 'object',
          required: ['event', 'data'],
          properties: {
            event: { type: 'string' },
            id: { type: 'string' },
            data: { type: 'string', description: 'JSON' },
          },
        },
      },
    },
  })
  stream(@CurrentPrincipal() me: Principal): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let unsubscribe: (() => void) | undefined;
      let closed = false;
      void this.events
        .subscribe(me.personId, (event) => subscriber.next({ type: event.type, data: event }))
        .then(
          (off) => {
            if (closed) return off();
            unsubscribe = off;
            // only once subscribed: a client that waits for `ready` misses nothing sent after it
            subscriber.next({ type: 'ready', data: { personId: me.personId } });
          },
          (err: unknown) => subscriber.error(err),
        );
      return () => {
        closed = true;
        unsubscribe?.();
      };
    });
  }
}

import { z } from 'zod';

export const addCoHandlerSchema = z.object({
  unitId: z.uuid('请指定协办单位'),
  reason: z.string().trim().min(1, '请写明需要协办的事项').max(500, '协办事项最多 500 字'),
});
export type AddCoHandlerDto = z.infer<typeof addCoHandlerSchema>;

export const removeCoHandlerSchema = z.object({
  reason: z.string().trim().min(1, '请写明移除理由').max(500, '移除理由最多 500 字'),
});
export type RemoveCoHandlerDto = z.infer<typeof removeCoHandlerSchema>;

export const coHandlerNoteSchema = z.object({
  note: z.string().trim().min(1, '协办说明不能为空').max(1000, '协办说明最多 1000 字'),
});
export type CoHandlerNoteDto = z.infer<typeof coHandlerNoteSchema>;

/** Every queue, job name and payload, declared once. Producers and processors both type against this. */
export const QueueName = {
  Wiring: 'wiring',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'wiring.echo': { checkId: string; workflowId: string };
}
export type JobName = keyof JobPayloads;

export const queueOfJob: Record<JobName, QueueName> = {
  'wiring.echo': QueueName.Wiring,
};

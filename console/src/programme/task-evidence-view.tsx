import { Descriptions } from 'antd';
import type { TaskEvidence } from '../../../src/shared/process/programme-kinds';

/** What the members submitted, as the community reviews it. */
export function TaskEvidenceView({ evidence }: { evidence: TaskEvidence | null | undefined }) {
  if (!evidence) return <p>尚未提交完成材料</p>;
  return (
    <Descriptions column={1} bordered size="small" aria-label="完成材料">
      <Descriptions.Item label="情况说明">{evidence.description ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="现场照片">{evidence.photos?.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="参加人员签到">{evidence.attendance?.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="受助方确认">
        {evidence.beneficiaryConfirmation
          ? [evidence.beneficiaryConfirmation.name, evidence.beneficiaryConfirmation.note].filter(Boolean).join('：')
          : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

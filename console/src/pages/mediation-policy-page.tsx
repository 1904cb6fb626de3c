import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import {
  diffMediationPolicies,
  fromMediationForm,
  mediationFieldOfIssue,
  toMediationForm,
} from '../policy/mediation-policy';
import { MediationFields } from '../policy/mediation-policy-fields';
import { VersionedPolicyEditor } from '../policy/versioned-policy-editor';

/** 调解规则: district-wide, so only an administrator or a district-level supervisor (the API refuses anyone else). */
export default function MediationPolicyPage() {
  const { me } = useSession();
  if (!mayConfigureDistrictSettings(me)) return <Forbidden />;
  return (
    <VersionedPolicyEditor
      process="mediation"
      name="调解规则"
      governs="联调小组风险研判、席位与时限"
      appliesFrom="此后受理的矛盾纠纷按新规则办理"
      toForm={toMediationForm}
      fromForm={fromMediationForm}
      diff={diffMediationPolicies}
      fieldOfIssue={mediationFieldOfIssue}
      fields={<MediationFields />}
    />
  );
}

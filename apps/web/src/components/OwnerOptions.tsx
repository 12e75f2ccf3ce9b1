import { t } from '../i18n';
import { ownerChoices, type TeamMembers } from '../lib/useTeamMembers';

/** The options of an owner picker: "Unassigned", then each person ("You (name)" for the caller). */
export function OwnerOptions({ current, team }: { current: string; team: TeamMembers }) {
  return (
    <>
      <option value="">{t('contracts.unassigned')}</option>
      {ownerChoices(current, team).map((m) => (
        <option key={m.id} value={m.id}>
          {m.id === team.meId ? t('detail.ownerYou', { name: m.name }) : m.name}
        </option>
      ))}
    </>
  );
}

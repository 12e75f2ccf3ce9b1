import { api } from '../api/client';
import type { TeamMember } from '../api/types';
import { useSession } from '../auth/session';
import { t } from '../i18n';
import { useApi } from './useApi';

export interface TeamMembers {
  /** The people a contract can be given to: the whole team for admins and owners, else only the caller
   *  (GET /v1/users is for those who manage the team). */
  members: Pick<TeamMember, 'id' | 'name' | 'email'>[];
  /** The caller's user id. */
  meId: string | null;
}

export function useTeamMembers(): TeamMembers {
  const { me, can } = useSession();
  const isAdmin = can('admin');
  const state = useApi(
    (signal) =>
      isAdmin
        ? api<{ data: TeamMember[] }>('/v1/users', { signal }).then((r) => r.data)
        : Promise.resolve([] as TeamMember[]),
    [isAdmin],
  );
  const self = me ? [{ id: me.user.id, name: me.user.name, email: me.user.email }] : [];
  const members = state.data?.length ? state.data : self;
  return { members, meId: me?.user.id ?? null };
}

/** How a contract's owner reads in a list: "You", their name, "Another team member" or "Unassigned". */
export function ownerLabel(ownerId: string | null | undefined, team: TeamMembers): string {
  if (!ownerId) return t('contracts.unassigned');
  if (ownerId === team.meId) return t('contracts.ownerYou');
  return team.members.find((m) => m.id === ownerId)?.name ?? t('contracts.ownerOther');
}

/** The people an owner picker offers: the team, and the current owner even when the caller cannot list it. */
export function ownerChoices(current: string, team: TeamMembers): TeamMembers['members'] {
  return !current || team.members.some((m) => m.id === current)
    ? team.members
    : [...team.members, { id: current, name: ownerLabel(current, team), email: '' }];
}

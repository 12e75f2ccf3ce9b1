import { t, tDynamic } from './index';

describe('t()', () => {
  it('interpolates and picks plural forms', () => {
    expect(t('subscription.trialDaysLeft', { count: 1 })).toBe('Your free trial ends in 1 day.');
    expect(t('subscription.trialDaysLeft', { count: 14 })).toBe('Your free trial ends in 14 days.');
    expect(t('settings.inviteSent', { email: 'a@b.fi' })).toBe('Invitation sent to a@b.fi.');
  });

  it('finds keys that contain dots themselves (event and action names)', () => {
    expect(tDynamic('settings.eventNames.contract.parsed')).toBe('Contract parsed');
    expect(tDynamic('settings.eventNames.deadline.upcoming')).toBe('Deadline upcoming');
    expect(tDynamic('detail.activityActions.contract.uploaded')).toBe('Uploaded');
  });

  it('returns the key itself when a message is missing', () => {
    expect(tDynamic('settings.eventNames.nothing.here')).toBe('settings.eventNames.nothing.here');
  });
});

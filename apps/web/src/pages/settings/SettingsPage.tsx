import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { PageTitle } from '../../components/Layout';
import { t } from '../../i18n';
import { AlertSettingsSection } from './AlertSettingsSection';
import { ApiKeysSection } from './ApiKeysSection';
import { SecuritySection } from './SecuritySection';
import { SubscriptionSection } from './SubscriptionSection';
import { TeamSection } from './TeamSection';
import { WebhooksSection } from './WebhooksSection';

export default function SettingsPage() {
  const sections = [
    { to: 'alerts', label: t('settings.alerts') },
    { to: 'security', label: t('security.nav') },
    { to: 'team', label: t('settings.team') },
    { to: 'api-keys', label: t('settings.apiKeys') },
    { to: 'webhooks', label: t('settings.webhooks') },
    { to: 'subscription', label: t('settings.subscription') },
  ];
  return (
    <section>
      <PageTitle>{t('settings.title')}</PageTitle>
      <div className="settings-layout">
        <nav aria-label={t('settings.sections')} className="settings-nav">
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={`/settings/${s.to}`}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          <Routes>
            <Route index element={<Navigate to="alerts" replace />} />
            <Route path="alerts" element={<AlertSettingsSection />} />
            <Route path="security" element={<SecuritySection />} />
            <Route path="team" element={<TeamSection />} />
            <Route path="api-keys" element={<ApiKeysSection />} />
            <Route path="webhooks" element={<WebhooksSection />} />
            <Route path="subscription" element={<SubscriptionSection />} />
            <Route path="*" element={<Navigate to="alerts" replace />} />
          </Routes>
        </div>
      </div>
    </section>
  );
}

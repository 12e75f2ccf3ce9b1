import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { t } from '../i18n';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { daysBetween, todayIso } from '../lib/format';
import { EmailVerificationBanner } from './EmailVerificationBanner';

export function Layout() {
  const { me, logout } = useSession();
  const location = useLocation();
  // The menu is open for the page it was opened on: navigating closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const mainRef = useRef<HTMLElement>(null);

  const links = [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/contracts', label: t('nav.contracts') },
    { to: '/review', label: t('nav.review') },
    { to: '/upload', label: t('nav.upload') },
    { to: '/import', label: t('nav.import') },
    { to: '/deadlines', label: t('nav.calendar') },
    { to: '/settings', label: t('nav.settings') },
  ];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <svg aria-hidden="true" width="26" height="26" viewBox="0 0 32 32">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M10 8h9l4 4v12H10z" fill="#fff" />
              <path d="M13 15h7M13 19h7" stroke="currentColor" strokeWidth="1.6" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
          >
            {t('nav.menu')}
          </button>
          <nav id="main-nav" aria-label={t('nav.main')} className={menuOpen ? 'nav open' : 'nav'}>
            <ul>
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="nav-user">
              {me && (
                <span className="muted small" title={me.user.email}>
                  {t('nav.signedInAs', { name: me.user.name, company: me.tenant.name })}
                </span>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => void logout()}
              >
                {t('nav.logout')}
              </button>
            </div>
          </nav>
        </div>
      </header>
      <SubscriptionBanner />
      <EmailVerificationBanner />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <LanguageSwitcher />
      </footer>
    </div>
  );
}

function SubscriptionBanner() {
  const { subscription, readOnly } = useSession();
  if (readOnly) {
    return (
      <div
        className="banner banner-warning"
        role="region"
        aria-label={t('subscription.readOnlyTitle')}
      >
        <div className="banner-inner">
          <p>
            <strong>{t('subscription.readOnlyTitle')}.</strong> {t('subscription.readOnlyBody')}
          </p>
          <Link className="btn btn-primary btn-small" to="/settings/subscription">
            {t('subscription.subscribe')}
          </Link>
        </div>
      </div>
    );
  }
  if (!subscription) return null;
  if (subscription.status === 'past_due') {
    return (
      <div className="banner banner-warning" role="region" aria-label={t('subscription.title')}>
        <div className="banner-inner">
          <p>{t('subscription.pastDue')}</p>
          <Link className="btn btn-small" to="/settings/subscription">
            {t('subscription.subscribe')}
          </Link>
        </div>
      </div>
    );
  }
  if (subscription.status !== 'trialing' || !subscription.trialEndsAt) return null;
  const days = Math.max(0, daysBetween(todayIso(), subscription.trialEndsAt.slice(0, 10)));
  return (
    <div className="banner banner-info" role="region" aria-label={t('subscription.title')}>
      <div className="banner-inner">
        <p>
          {days === 0
            ? t('subscription.trialEndsToday')
            : t('subscription.trialDaysLeft', { count: days })}
        </p>
        <Link className="btn btn-small" to="/settings/subscription">
          {t('subscription.subscribe')}
        </Link>
      </div>
    </div>
  );
}

// The path whose heading last took focus: null until the first page has rendered (a full page load starts at
// the top anyway, so only client-side navigations move focus).
let lastTitledPath: string | null = null;

/** Sets the document title and moves focus to the page heading on navigation, for screen readers. */
export function PageTitle({ children, actions }: { children: string; actions?: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children]);
  // Runs when the new page's own heading is on screen (after lazy loading), never on the previous page's.
  useEffect(() => {
    if (lastTitledPath !== null && lastTitledPath !== pathname)
      ref.current?.focus({ preventScroll: true });
    lastTitledPath = pathname;
  }, [pathname]);
  return (
    <div className="page-head">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

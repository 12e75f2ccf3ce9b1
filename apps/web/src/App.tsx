import { lazy, Suspense, type ReactNode } from 'react';
import {
  BrowserRouter,
  Link,
  Navigate,
  Route,
  Routes,
  useLocation,
  useSearchParams,
} from 'react-router-dom';
import { SessionProvider, useSession } from './auth/session';
import { Layout, PageTitle } from './components/Layout';
import { LoadingBlock } from './components/feedback';
import {
  AcceptInvitePage,
  SsoCompletePage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
  SignupPage,
} from './pages/AuthPages';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { t } from './i18n';

// The API owns /v1, /health, /docs and the iCal feed /calendar/<token>.ics; every other path is the UI's.
// Route-level code splitting: the PDF viewer and the charts load only on the pages that use them.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const ContractsPage = lazy(() => import('./pages/ContractsPage'));
const ContractDetailPage = lazy(() => import('./pages/contract-detail/ContractDetailPage'));
const UploadPage = lazy(() => import('./pages/UploadPage'));
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const PricingPage = lazy(() => import('./pages/PricingPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, me } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoading />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return (
      <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
    );
  }
  // The tenant requires two-factor authentication and this user has not turned it on: that comes first.
  if (me?.security.mfaEnrollmentRequired && location.pathname !== '/settings/security')
    return <Navigate to="/settings/security" replace />;
  return <>{children}</>;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const [params] = useSearchParams();
  if (status === 'loading') return <FullPageLoading />;
  // Signed in on the login page: go where the visitor was headed (?next=, e.g. an alert e-mail's link to a
  // contract), not to the dashboard. Only a path of this app, never another site.
  const next = params.get('next');
  if (status === 'authenticated')
    return <Navigate to={next && /^\/(?![/\\])/.test(next) ? next : '/'} replace />;
  return <>{children}</>;
}

function FullPageLoading() {
  return (
    <div className="full-page-loading">
      <LoadingBlock lines={2} />
    </div>
  );
}

/** People type /calendar for the page the navigation calls Calendar; it lives at /deadlines. */
function CalendarRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/deadlines${search}`} replace />;
}

function NotFound() {
  return (
    <section>
      <PageTitle>{t('app.notFoundTitle')}</PageTitle>
      <p>{t('app.notFoundBody')}</p>
      <Link to="/">{t('app.backToDashboard')}</Link>
    </section>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route
            path="/login"
            element={
              <PublicOnly>
                <LoginPage />
              </PublicOnly>
            }
          />
          <Route
            path="/signup"
            element={
              <PublicOnly>
                <SignupPage />
              </PublicOnly>
            }
          />
          <Route path="/accept-invite" element={<AcceptInvitePage />} />
          <Route path="/sso/complete" element={<SsoCompletePage />} />
          <Route path="/calendar" element={<CalendarRedirect />} />
          <Route
            path="/pricing"
            element={
              <Lazy>
                <PricingPage />
              </Lazy>
            }
          />
          <Route
            path="/forgot-password"
            element={
              <PublicOnly>
                <ForgotPasswordPage />
              </PublicOnly>
            }
          />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/verify-email" element={<VerifyEmailPage />} />
          <Route
            element={
              <RequireAuth>
                <Layout />
              </RequireAuth>
            }
          >
            <Route
              index
              element={
                <Lazy>
                  <DashboardPage />
                </Lazy>
              }
            />
            <Route
              path="contracts"
              element={
                <Lazy>
                  <ContractsPage />
                </Lazy>
              }
            />
            <Route
              path="contracts/:id"
              element={
                <Lazy>
                  <ContractDetailPage />
                </Lazy>
              }
            />
            <Route
              path="review"
              element={
                <Lazy>
                  <ReviewQueuePage />
                </Lazy>
              }
            />
            <Route
              path="upload"
              element={
                <Lazy>
                  <UploadPage />
                </Lazy>
              }
            />
            <Route
              path="import"
              element={
                <Lazy>
                  <ImportPage />
                </Lazy>
              }
            />
            <Route
              path="deadlines"
              element={
                <Lazy>
                  <CalendarPage />
                </Lazy>
              }
            />
            <Route
              path="settings/*"
              element={
                <Lazy>
                  <SettingsPage />
                </Lazy>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingBlock lines={4} />}>{children}</Suspense>;
}

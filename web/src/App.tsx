/** Routes of the app. Pages behind sign-in redirect to /sign-in while signed out. */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.js';
import { Layout } from './components/Layout.js';
import { Loading } from './components/ui.js';
import { AuditPage } from './pages/Audit.js';
import { DashboardPage } from './pages/Dashboard.js';
import { FactorsPage } from './pages/Factors.js';
import { ImportPage } from './pages/Import.js';
import { NotFoundPage } from './pages/NotFound.js';
import { OrganisationPage } from './pages/Organisation.js';
import { OrganisationsPage } from './pages/Organisations.js';
import { RecordDetailPage } from './pages/RecordDetail.js';
import { RecordsPage } from './pages/Records.js';
import { ReportPage } from './pages/Report.js';
import { SettingsPage } from './pages/Settings.js';
import { SignInPage } from './pages/SignIn.js';
import { SignUpPage } from './pages/SignUp.js';

function Private({ children }: { readonly children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Layout><Loading /></Layout>;
  if (me === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Layout>{children}</Layout>;
}

function Home() {
  const { me } = useSession();
  const first = me?.memberships[0];
  return <Navigate to={first === undefined ? '/orgs' : `/orgs/${encodeURIComponent(first.org)}/dashboard`} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<Layout><SignInPage /></Layout>} />
      <Route path="/sign-up" element={<Layout><SignUpPage /></Layout>} />
      <Route path="/" element={<Private><Home /></Private>} />
      <Route path="/orgs" element={<Private><OrganisationsPage /></Private>} />
      <Route path="/orgs/:org" element={<Private><Home /></Private>} />
      <Route path="/orgs/:org/dashboard" element={<Private><DashboardPage /></Private>} />
      <Route path="/orgs/:org/import" element={<Private><ImportPage /></Private>} />
      <Route path="/orgs/:org/records" element={<Private><RecordsPage /></Private>} />
      <Route path="/orgs/:org/records/:id" element={<Private><RecordDetailPage /></Private>} />
      <Route path="/orgs/:org/report" element={<Private><ReportPage /></Private>} />
      <Route path="/orgs/:org/organisation" element={<Private><OrganisationPage /></Private>} />
      <Route path="/orgs/:org/audit" element={<Private><AuditPage /></Private>} />
      <Route path="/factors" element={<Private><FactorsPage /></Private>} />
      <Route path="/settings" element={<Private><SettingsPage /></Private>} />
      <Route path="*" element={<Layout><NotFoundPage /></Layout>} />
    </Routes>
  );
}

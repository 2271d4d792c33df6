import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import type { Role } from './auth/AuthProvider';
import { Guard } from './auth/Guard';
import { AppLayout } from './components/AppLayout';

/** Each page is its own chunk, loaded on first visit; guarded pages refuse other roles cleanly. */
function page(load: () => Promise<{ default: ComponentType }>, role?: Role) {
  const Page = lazy(load);
  return role ? (
    <Guard role={role}>
      <Page />
    </Guard>
  ) : (
    <Page />
  );
}

export const router = createBrowserRouter([
  // The hall's projector page stands alone: no navigation, no controls.
  { path: '/rooms/:id/screen', element: <Suspense fallback={<Spin size="large" className="page-spin" />}>{page(() => import('./pages/RoomScreenPage'), 'signedIn')}</Suspense> },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: page(() => import('./pages/ChallengeListPage')) },
      { path: '/challenges/:id', element: page(() => import('./pages/ChallengePage')) },
      { path: '/challenges/:id/bid', element: page(() => import('./pages/BidEditorPage'), 'signedIn') },
      { path: '/login', element: page(() => import('./pages/LoginPage')) },
      { path: '/register', element: page(() => import('./pages/RegisterPage')) },
      { path: '/orgs', element: page(() => import('./pages/OrgsPage'), 'signedIn') },
      { path: '/orgs/:id', element: page(() => import('./pages/OrgPage'), 'signedIn') },
      { path: '/enterprise', element: page(() => import('./pages/EnterprisePage'), 'enterprise') },
      { path: '/enterprise/challenges/new', element: page(() => import('./pages/ChallengeEditorPage'), 'enterprise') },
      { path: '/enterprise/challenges/:id/:mode', element: page(() => import('./pages/ChallengeEditorPage'), 'enterprise') },
      { path: '/teams', element: page(() => import('./pages/TeamsPage'), 'signedIn') },
      { path: '/teams/:id', element: page(() => import('./pages/TeamPage'), 'signedIn') },
      { path: '/bids', element: page(() => import('./pages/BidsPage'), 'signedIn') },
      { path: '/bids/:bidId', element: page(() => import('./pages/BidPage'), 'signedIn') },
      { path: '/bids/:bidId/revise', element: page(() => import('./pages/BidEditorPage'), 'signedIn') },
      { path: '/invitations', element: page(() => import('./pages/InvitationsPage'), 'signedIn') },
      { path: '/rooms', element: page(() => import('./pages/RoomsPage'), 'signedIn') },
      { path: '/rooms/:id', element: page(() => import('./pages/RoomPage'), 'signedIn') },
      { path: '/rooms/:id/report', element: page(() => import('./pages/ReportPage'), 'signedIn') },
      { path: '/admin', element: page(() => import('./pages/AdminPage'), 'admin') },
      { path: '*', element: page(() => import('./pages/NotFoundPage')) },
    ],
  },
]);

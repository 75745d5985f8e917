/** The self-service portal frame: a simple top bar, no workspace navigation. */
import { AppShell, Button, Container, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageLoader } from '../components/States.tsx';
import { NotificationsMenu } from '../features/notifications/NotificationsMenu.tsx';
import { PortalRequestNav } from '../features/portal/PortalRequestNav.tsx';
import { Logo } from './Logo.tsx';
import { UserMenu } from './UserMenu.tsx';

export function PortalShell() {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Link to="/portal" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Logo suffix="Help centre" />
            </Link>
            <Group gap="sm" wrap="nowrap" component="nav" aria-label="Portal">
              <Button
                component={Link}
                to="/portal"
                variant={pathname === '/portal' ? 'light' : 'subtle'}
                aria-current={pathname === '/portal' ? 'page' : undefined}
              >
                My incidents and requests
              </Button>
              <PortalRequestNav pathname={pathname} />
              <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
                Report a problem
              </Button>
              <NotificationsMenu />
              <UserMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" py="md">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

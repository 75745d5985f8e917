/** The agent workspace frame: header with global search and account menu, navigation on the left. */
import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoader } from '../components/States.tsx';
import { AnnouncementBanner } from '../features/announcements/AnnouncementBanner.tsx';
import { NotificationsMenu } from '../features/notifications/NotificationsMenu.tsx';
import { GlobalSearch } from '../features/search/GlobalSearch.tsx';
import { TimerIndicator } from '../features/time/TimerIndicator.tsx';
import { openShortcutsHelp, ShortcutsHelp, useShortcuts } from '../kit/shortcuts.tsx';
import { useLiveUpdates } from '../records/live.ts';
import { Logo } from './Logo.tsx';
import { Navigation } from './Navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AgentShell() {
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    close();
  }

  useLiveUpdates();
  useShortcuts('Everywhere', [
    { keys: 'n', label: 'New incident', run: () => navigate('/incidents/new') },
    { keys: 'q', label: 'Go to the incident queue', run: () => navigate('/incidents') },
  ]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Link to="/incidents" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Logo suffix="Service desk" />
            </Link>
          </Group>
          <GlobalSearch />
          <Group gap="sm" wrap="nowrap">
            <TimerIndicator />
            <NotificationsMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Navigation onShowShortcuts={openShortcutsHelp} />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <AnnouncementBanner />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ShortcutsHelp />
    </AppShell>
  );
}

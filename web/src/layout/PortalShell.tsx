/**
 * The self-service portal frame: a simple top bar, no workspace navigation. On narrow screens
 * (phones, small tablets) the portal's links fold into a menu behind a burger button, so the bell
 * and the account menu stay on screen.
 */
import { AppShell, Badge, Burger, Button, Container, Group, Popover, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconActivityHeartbeat,
  IconBooks,
  IconChecklist,
  IconGavel,
  IconPlus,
  IconShoppingCart,
} from '@tabler/icons-react';
import { type ReactNode, Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { usePendingApprovals } from '../api/queries/requests.ts';
import { PageLoader } from '../components/States.tsx';
import { NotificationsMenu } from '../features/notifications/NotificationsMenu.tsx';
import { PortalRequestNav } from '../features/portal/PortalRequestNav.tsx';
import { NavItem } from '../kit/nav/NavSection.tsx';
import { NewButton } from '../kit/nav/NewButton.tsx';
import { useLiveUpdates } from '../records/live.ts';
import { Logo } from './Logo.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Below this width (1200 px) the portal's links move into the burger menu: the full bar needs about 1,100 px. */
const COMPACT = '(max-width: 74.99em)';

function PortalLinks({ pathname }: { pathname: string }) {
  return (
    <>
      <Button
        component={Link}
        to="/portal"
        variant={pathname === '/portal' ? 'light' : 'subtle'}
        aria-current={pathname === '/portal' ? 'page' : undefined}
      >
        My incidents and requests
      </Button>
      <PortalRequestNav pathname={pathname} />
      <Button
        component={Link}
        to="/portal/knowledge"
        variant={pathname.startsWith('/portal/knowledge') ? 'light' : 'subtle'}
        aria-current={pathname === '/portal/knowledge' ? 'page' : undefined}
      >
        Help articles
      </Button>
      <NewButton to="/portal/new">Report a problem</NewButton>
    </>
  );
}

function PortalMenu({ pathname }: { pathname: string }) {
  const [opened, setOpened] = useState(false);
  const pending = usePendingApprovals();
  const waiting = pending.data?.items.length ?? 0;
  const item = (to: string, label: string, icon: ReactNode, right?: ReactNode) => (
    <NavItem
      to={to}
      label={label}
      icon={icon}
      right={right}
      active={pathname === to}
      onClick={() => setOpened(false)}
    />
  );
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={260} shadow="md">
      <Popover.Target>
        <Burger
          opened={opened}
          onClick={() => setOpened((o) => !o)}
          size="sm"
          aria-label="Portal menu"
          aria-expanded={opened}
        />
      </Popover.Target>
      <Popover.Dropdown p={6} aria-label="Portal menu">
        <Stack gap={2}>
          {item('/portal', 'My incidents and requests', <IconChecklist size={16} />)}
          {item('/portal/catalog', 'Catalog', <IconShoppingCart size={16} />)}
          {item(
            '/approvals',
            'Approvals',
            <IconGavel size={16} />,
            waiting > 0 ? (
              <Badge size="sm" variant="filled" circle aria-label={`${waiting} waiting`}>
                {waiting}
              </Badge>
            ) : undefined,
          )}
          {item('/portal/knowledge', 'Help articles', <IconBooks size={16} />)}
          {item('/portal/new', 'Report a problem', <IconPlus size={16} />)}
          {item('/status', 'Service status', <IconActivityHeartbeat size={16} />)}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function PortalShell() {
  useLiveUpdates();
  const { pathname } = useLocation();
  const compact = useMediaQuery(COMPACT) ?? false;
  return (
    <AppShell header={{ height: 60 }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%" px={{ base: 'xs', sm: 'md' }}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Link to="/portal" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Logo suffix="Help centre" />
            </Link>
            <Group gap={compact ? 4 : 'sm'} wrap="nowrap" component="nav" aria-label="Portal">
              {!compact && <PortalLinks pathname={pathname} />}
              <NotificationsMenu />
              <UserMenu />
              {compact && <PortalMenu pathname={pathname} />}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" py="md" px={{ base: 0, sm: 'md' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** The agent workspace frame: header with global search and account menu, navigation on the left. */
import { AppShell, Burger, Group, Kbd, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type RefObject, Suspense, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoader } from '../components/States.tsx';
import { NotificationsMenu } from '../features/notifications/NotificationsMenu.tsx';
import { ShortcutHelp, useShortcuts } from '../kit/shortcuts.tsx';
import { RECORD_NUMBER } from '../lib/labels.ts';
import { recordPath, recordTypeOfNumber } from '../records/registry.ts';
import { Logo } from './Logo.tsx';
import { Navigation } from './Navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

function GlobalSearch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const go = () => {
    const q = text.trim();
    if (!q) return;
    if (RECORD_NUMBER.test(q))
      navigate(recordPath(recordTypeOfNumber(q)?.key ?? 'incident', q.toUpperCase()));
    else navigate(`/incidents?q=${encodeURIComponent(q)}`);
    setText('');
    inputRef.current?.blur();
  };
  return (
    <search style={{ flex: 1, maxWidth: 520 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <TextInput
          ref={inputRef}
          aria-label="Search incidents or jump to a number"
          placeholder="Search, or type a number like INC0001042"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            <Kbd size="xs" visibleFrom="sm">
              /
            </Kbd>
          }
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
      </form>
    </search>
  );
}

export function AgentShell() {
  const [opened, { toggle, close }] = useDisclosure();
  const [help, helpControls] = useDisclosure();
  const searchRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    close();
  }

  useShortcuts('Everywhere', [
    { key: '/', label: 'Focus the search box', run: () => searchRef.current?.focus() },
    { key: 'n', label: 'New incident', run: () => navigate('/incidents/new') },
    { key: 'q', label: 'Go to the incident queue', run: () => navigate('/incidents') },
    { key: '?', label: 'Show these shortcuts', run: helpControls.open },
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
          <GlobalSearch inputRef={searchRef} />
          <Group gap="sm" wrap="nowrap">
            <NotificationsMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Navigation onShowShortcuts={helpControls.open} />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ShortcutHelp opened={help} onClose={helpControls.close} />
    </AppShell>
  );
}

/**
 * Tabs whose selection is part of the URL (`/admin/processes/incident/raci`), so every tab can be
 * linked to and the back button walks through them. Only the open panel is mounted.
 */
import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

export type RouteTab<K extends string> = { key: K; label: string; panel: ReactNode };

export function RouteTabs<K extends string>({
  tabs,
  value,
  pathOf,
}: {
  tabs: RouteTab<K>[];
  value: K;
  /** The URL of a tab. */
  pathOf: (key: K) => string;
}) {
  const navigate = useNavigate();
  const known = (s: string | null): s is K => tabs.some((t) => t.key === s);
  return (
    <Tabs value={value} onChange={(s) => known(s) && navigate(pathOf(s))} keepMounted={false}>
      <Tabs.List mb="md">
        {tabs.map((t) => (
          <Tabs.Tab key={t.key} value={t.key}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((t) => (
        <Tabs.Panel key={t.key} value={t.key}>
          {t.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

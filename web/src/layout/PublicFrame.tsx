/** The frame of a page anyone may open without signing in: the logo, a sign-in link, the page's title. */
import { Anchor, Container, Divider, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from './Logo.tsx';

export function PublicFrame({
  suffix,
  size,
  title,
  children,
}: {
  /** What the logo reads as here ("Status", "Service desk"). */
  suffix: string;
  size: 'sm' | 'md';
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <Container size={size} py="lg" px="sm">
      <Group justify="space-between" mb="lg">
        <Logo suffix={suffix} />
        <Anchor href="/" size="sm">
          Sign in
        </Anchor>
      </Group>
      <Divider mb="lg" />
      <main id="main">
        <Title order={1} size="h2" mb="md">
          {title}
        </Title>
        {children}
      </main>
    </Container>
  );
}

/** A table of agreements: name and version, kind, party, status, calendar and effective window. */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Agreement } from '../../api/queries/serviceLevels.ts';
import { Time } from '../../lib/time.tsx';
import { KIND_SHORT } from './labels.ts';

export function AgreementStatus({ a }: { a: Agreement }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={a.status === 'agreed' ? 'teal' : 'gray'} size="sm">
        {a.status === 'agreed' ? 'Agreed' : 'Draft'}
      </Badge>
      {a.inForce && (
        <Badge variant="filled" color="teal.9" size="sm">
          In force
        </Badge>
      )}
      {a.status === 'agreed' && !a.inForce && (
        <Badge variant="outline" color="gray" size="sm">
          {new Date(a.effectiveFrom).getTime() > Date.now() ? 'Upcoming' : 'Ended'}
        </Badge>
      )}
    </Group>
  );
}

export const partyOf = (a: Agreement) => a.customer?.name ?? a.group?.name ?? a.supplier?.name ?? null;

export function AgreementTable({ items, showKind = true }: { items: Agreement[]; showKind?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showKind && <Table.Th w={70}>Kind</Table.Th>}
            <Table.Th w={170}>Service</Table.Th>
            <Table.Th w={170}>Party</Table.Th>
            <Table.Th w={180}>Status</Table.Th>
            <Table.Th w={200}>Effective</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/service-levels/agreements/${a.id}`} fw={600} size="sm">
                  {a.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  v{a.versionNumber}
                </Text>
              </Table.Td>
              {showKind && <Table.Td>{KIND_SHORT[a.kind]}</Table.Td>}
              <Table.Td>
                {a.service?.name ?? (
                  <Text span size="sm" c="dimmed">
                    Every service
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {partyOf(a) ?? (
                  <Text span size="sm" c="dimmed">
                    Any
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AgreementStatus a={a} />
              </Table.Td>
              <Table.Td>
                <Time iso={a.effectiveFrom} mode="absolute" size="sm" />
                {a.effectiveTo && (
                  <>
                    {' – '}
                    <Time iso={a.effectiveTo} mode="absolute" size="sm" />
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

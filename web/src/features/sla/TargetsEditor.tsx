/**
 * Response and resolution targets per priority, entered in working days, hours and minutes of the
 * agreement's business calendar (a working day is the calendar's working hours per day), with the
 * server's errors per row. The API stores minutes; src/domain/sla/working-duration.ts converts.
 */
import { Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  formatWorkingDuration,
  parseWorkingDuration,
  workingDayMinutes,
} from '../../../../src/domain/sla/working-duration.ts';
import { type Target, useCalendarMap } from '../../api/queries/serviceLevels.ts';
import { patchAt } from '../../kit/form/listEdits.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { TableHead } from '../../kit/list/TableHead.tsx';
import { PRIORITY_LABELS } from '../../lib/labels.ts';
import { problemFields } from '../../lib/problemFields.ts';
import { formatWorkingSeconds } from './duration.ts';

export const DEFAULT_TARGETS: Target[] = [
  { priority: 1, responseMinutes: 15, resolutionMinutes: 240 },
  { priority: 2, responseMinutes: 30, resolutionMinutes: 480 },
  { priority: 3, responseMinutes: 60, resolutionMinutes: 960 },
  { priority: 4, responseMinutes: 240, resolutionMinutes: 2400 },
  { priority: 5, responseMinutes: 480, resolutionMinutes: 4800 },
];

/** The five priorities in order, filling gaps from the defaults so every row can be edited. */
export function completeTargets(targets: readonly Target[]): Target[] {
  return DEFAULT_TARGETS.map((d) => targets.find((t) => t.priority === d.priority) ?? d);
}

type Key = 'responseMinutes' | 'resolutionMinutes';
const KEYS: Key[] = ['responseMinutes', 'resolutionMinutes'];
const cell = (i: number, key: Key) => `${i}.${key}`;

/** The working minutes of a day of the calendar, once it is loaded (null: none chosen yet). */
export function useWorkingDay(calendarId: string | null | undefined): number | null {
  const calendar = useCalendarMap(calendarId ? [calendarId] : []).get(calendarId ?? '');
  return calendar ? workingDayMinutes(calendar) : null;
}

/** How a working day of the calendar reads, for labels: "1 d = 8 h". */
export const dayLegend = (dayMinutes: number | null) =>
  dayMinutes ? `1 d = ${formatWorkingSeconds(dayMinutes * 60)} of working time` : 'working time';

export function TargetsEditor({
  value,
  onChange,
  error,
  calendarId,
}: {
  value: Target[];
  onChange: (targets: Target[]) => void;
  error: unknown;
  calendarId: string | null;
}) {
  const day = useWorkingDay(calendarId);
  const format = (minutes: number) => (minutes > 0 ? formatWorkingDuration(minutes, day) : '');
  const textsOf = () =>
    new Map(value.flatMap((t, i) => KEYS.map((k) => [cell(i, k), format(t[k])] as const)));
  const [texts, setTexts] = useState(textsOf);
  const typed = useRef(false);
  // Once the calendar is known, untouched targets read in its working days; typed ones mean them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the working day changes only
  useEffect(() => {
    if (!typed.current) setTexts(textsOf());
    else
      onChange(
        value.map((t, i) => {
          const next = { ...t };
          for (const k of KEYS) {
            const parsed = parseWorkingDuration(texts.get(cell(i, k)) ?? '', day);
            next[k] = 'minutes' in parsed ? parsed.minutes : 0;
          }
          return next;
        }),
      );
  }, [day]);
  const problems = problemFields(error).filter((e) => e.field.startsWith('targets'));
  const serverAt = (i: number, key: Key) => problems.find((p) => p.field === `targets[${i}].${key}`)?.message;
  const general = problems.filter((p) => !/^targets\[\d+\]\.(response|resolution)Minutes$/.test(p.field));
  const set = (i: number, key: Key, text: string) => {
    typed.current = true;
    setTexts(new Map(texts).set(cell(i, key), text));
    const parsed = parseWorkingDuration(text, day);
    const minutes = 'minutes' in parsed ? parsed.minutes : 0;
    onChange(patchAt(value, i, { [key]: minutes }));
  };
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id="targets-label">
        Targets per priority (in {dayLegend(day)})
      </Text>
      <DataTable
        withTableBorder
        fz="sm"
        aria-labelledby="targets-label"
        columns={[{ label: 'Priority', w: 150 }, 'Response', 'Resolution']}
      >
        {value.map((t, i) => (
          <Table.Tr key={t.priority}>
            <Table.Td>
              P{t.priority} {PRIORITY_LABELS[t.priority] ?? ''}
            </Table.Td>
            {KEYS.map((key) => {
              const text = texts.get(cell(i, key)) ?? '';
              const parsed = parseWorkingDuration(text, day);
              return (
                <Table.Td key={key}>
                  <TextInput
                    aria-label={`P${t.priority} ${key === 'responseMinutes' ? 'response' : 'resolution'} target`}
                    value={text}
                    onChange={(e) => set(i, key, e.currentTarget.value)}
                    placeholder="e.g. 4 h or 1 d"
                    description={'minutes' in parsed ? `${parsed.minutes} working min` : undefined}
                    error={('error' in parsed ? parsed.error : undefined) ?? serverAt(i, key)}
                    size="xs"
                  />
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </DataTable>
      {general.map((p) => (
        <Text key={p.field + p.message} c="red.8" size="sm" mt={4}>
          {p.message}
        </Text>
      ))}
    </div>
  );
}

/** The targets of an agreement, read in working days and hours of its calendar. */
export function TargetsTable({ targets, calendarId }: { targets: readonly Target[]; calendarId: string }) {
  const day = useWorkingDay(calendarId);
  return (
    <Table withTableBorder fz="sm" mb="sm" aria-label={`Targets, in ${dayLegend(day)}`}>
      <Table.Caption>Targets in {dayLegend(day)}</Table.Caption>
      <TableHead columns={['Priority', 'Response', 'Resolution']} />
      <Table.Tbody>
        {[...targets]
          .sort((x, y) => x.priority - y.priority)
          .map((t) => (
            <Table.Tr key={t.priority}>
              <Table.Td>
                P{t.priority} {PRIORITY_LABELS[t.priority] ?? ''}
              </Table.Td>
              <Table.Td>{formatWorkingDuration(t.responseMinutes, day)}</Table.Td>
              <Table.Td>{formatWorkingDuration(t.resolutionMinutes, day)}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

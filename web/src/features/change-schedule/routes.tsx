/** Change schedule pages in the agent workspace (called, not rendered): the calendar and the windows. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ChangeCalendarPage = page(() => import('./ChangeCalendarPage.tsx'), 'ChangeCalendarPage');
const WindowsPage = page(() => import('./WindowsPage.tsx'), 'WindowsPage');
const WindowPage = page(() => import('./WindowPage.tsx'), 'WindowPage');

export function changeScheduleRoutes() {
  return (
    <>
      <Route path="change-calendar" element={<ChangeCalendarPage />} />
      <Route path="change-windows" element={<WindowsPage />} />
      <Route path="change-windows/:id" element={<WindowPage />} />
    </>
  );
}

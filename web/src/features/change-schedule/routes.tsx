/** Change schedule pages in the agent workspace (called, not rendered): the calendar and the windows. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';

const ChangeCalendarPage = lazyPage(() => import('./ChangeCalendarPage.tsx'), 'ChangeCalendarPage');
const WindowsPage = lazyPage(() => import('./WindowsPage.tsx'), 'WindowsPage');
const WindowPage = lazyPage(() => import('./WindowPage.tsx'), 'WindowPage');

export function changeScheduleRoutes() {
  return (
    <>
      <Route path="change-calendar" element={<ChangeCalendarPage />} />
      <Route path="change-windows" element={<WindowsPage />} />
      <Route path="change-windows/:id" element={<WindowPage />} />
    </>
  );
}

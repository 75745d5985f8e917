/** Service level management pages in the agent workspace (portfolio, agreements, calendars), loaded on first visit. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ServicesPage = page(() => import('./ServicesPage.tsx'), 'ServicesPage');
const ServicePage = page(() => import('./ServicePage.tsx'), 'ServicePage');
const AgreementsPage = page(() => import('../sla/AgreementsPage.tsx'), 'AgreementsPage');
const AgreementPage = page(() => import('../sla/AgreementPage.tsx'), 'AgreementPage');
const AgreementFormPage = page(() => import('../sla/AgreementFormPage.tsx'), 'AgreementFormPage');
const CalendarsPage = page(() => import('../sla/CalendarsPage.tsx'), 'CalendarsPage');
const CalendarPage = page(() => import('../sla/CalendarPage.tsx'), 'CalendarPage');

/** Route elements for inside the agent-only branch of the route map (called, not rendered). */
export function serviceLevelRoutes() {
  return (
    <>
      <Route path="services" element={<ServicesPage />} />
      <Route path="services/:id" element={<ServicePage />} />
      <Route path="service-levels">
        <Route path="agreements" element={<AgreementsPage />} />
        <Route path="agreements/new" element={<AgreementFormPage />} />
        <Route path="agreements/:id" element={<AgreementPage />} />
        <Route path="agreements/:id/edit" element={<AgreementFormPage />} />
        <Route path="calendars" element={<CalendarsPage />} />
        <Route path="calendars/new" element={<CalendarPage />} />
        <Route path="calendars/:id" element={<CalendarPage />} />
      </Route>
    </>
  );
}

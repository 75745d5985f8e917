/** Service level management pages in the agent workspace (portfolio, agreements, calendars), loaded on first visit. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';

const ServicesPage = lazyPage(() => import('./ServicesPage.tsx'), 'ServicesPage');
const ServicePage = lazyPage(() => import('./ServicePage.tsx'), 'ServicePage');
const AgreementsPage = lazyPage(() => import('../sla/AgreementsPage.tsx'), 'AgreementsPage');
const AgreementPage = lazyPage(() => import('../sla/AgreementPage.tsx'), 'AgreementPage');
const AgreementFormPage = lazyPage(() => import('../sla/AgreementFormPage.tsx'), 'AgreementFormPage');
const CalendarsPage = lazyPage(() => import('../sla/CalendarsPage.tsx'), 'CalendarsPage');
const CalendarPage = lazyPage(() => import('../sla/CalendarPage.tsx'), 'CalendarPage');

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

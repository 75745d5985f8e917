/** Breach prediction; other modules use nothing of it (its KPI is declared into reporting's catalog). */
export {};

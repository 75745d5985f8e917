/** Time tracking's public face: other modules use nothing of it yet (reporting reads its table in SQL). */
export {};

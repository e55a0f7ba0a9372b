/* The code behind route_env_tw_day.h. */
#include "route_env_tw_day.h"

#include <math.h>

void tw_day_make(struct tw_day *d, uint64_t *rng, uint32_t n, int kind, int32_t scale, int windows)
{
    double x[NMAX], y[NMAX];
    uint32_t i, j;
    for (i = 0; i < n; i++) {
        x[i] = kind == 1 ? (double)(tu_rng_next(rng) % 3) * 4000.0
                         : (double)(tu_rng_next(rng) % 20000);
        y[i] = kind == 1 ? (double)(tu_rng_next(rng) % 3) * 4000.0
                         : (double)(tu_rng_next(rng) % 20000);
        if (kind == 2 && i > 0 && tu_rng_next(rng) % 3 == 0) {
            uint32_t src = (uint32_t)(tu_rng_next(rng) % i);
            x[i] = x[src];
            y[i] = y[src];
        }
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            d->minutes[i * n + j] = (int32_t)ceil(sqrt(dx * dx + dy * dy) / 500.0) * scale;
        }
    for (i = 0; i < n; i++) {
        d->open[i] = 0;
        d->close[i] = scale > 1 ? 1000000000 : 1440; /* long legs: a long day */
        d->service[i] = i ? 15 : 0;
        if (windows == 1 && i > 0 && tu_rng_next(rng) % 2 == 0)
            d->open[i] = 480 + (int32_t)(tu_rng_next(rng) % 300);
        if (windows == 2 && i > 0 && tu_rng_next(rng) % 3 == 0)
            d->close[i] = 500 + (int32_t)(tu_rng_next(rng) % 60);
    }
    d->p.n = n;
    d->p.minutes = d->minutes;
    d->p.open = d->open;
    d->p.close = d->close;
    d->p.service = d->service;
    d->p.start = 480;
    d->p.end = scale > 1 ? 1000000000 : 1020;
    d->p.exact_max = 0;
}

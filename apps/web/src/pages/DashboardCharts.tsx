// recharts is heavy: this module is only loaded by the dashboard, after its first paint.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { t } from '../i18n';
import { formatMoney, formatMonth, formatNumber } from '../lib/format';
import type { Portfolio } from '../lib/portfolio';

const INK = '#1f3a5f';
const TEAL = '#2a7f7a';
const GRID = '#e3e8ef';

export default function DashboardCharts({ portfolio }: { portfolio: Portfolio }) {
  const cur = portfolio.currency ?? 'EUR';
  const money = (v: number) => formatMoney({ amount: v, currency: cur }, true);
  const months = portfolio.months.map((m) => ({ ...m, label: formatMonth(m.month) }));
  // Without any stated value the value series would be a flat line on a meaningless axis: leave it out.
  const hasValue = portfolio.currency !== null;
  return (
    <div className="charts-grid">
      <figure className="card chart-card">
        <figcaption>
          <h2>{t('dashboard.byMonth')}</h2>
          <p className="muted small">{t('dashboard.byMonthLead')}</p>
        </figcaption>
        <div className="chart-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
              <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
              {hasValue && (
                <YAxis
                  yAxisId="value"
                  orientation="right"
                  tickFormatter={money}
                  tick={{ fontSize: 12 }}
                  width={64}
                />
              )}
              <Tooltip
                cursor={{ fill: 'rgba(31, 58, 95, 0.06)' }}
                formatter={(v, name) =>
                  name === t('dashboard.renewals') ? formatNumber(Number(v)) : money(Number(v))
                }
              />
              <Legend />
              <Bar
                yAxisId="count"
                dataKey="renewals"
                name={t('dashboard.renewals')}
                fill={INK}
                radius={[3, 3, 0, 0]}
                maxBarSize={28}
                isAnimationActive={false}
              />
              {hasValue && (
                <Bar
                  yAxisId="value"
                  dataKey="value"
                  name={t('dashboard.value', { currency: cur })}
                  fill={TEAL}
                  radius={[3, 3, 0, 0]}
                  maxBarSize={28}
                  isAnimationActive={false}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <details className="chart-data">
          <summary>{t('dashboard.chartTableCaption')}</summary>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.month')}</th>
                <th scope="col" className="num">
                  {t('dashboard.renewals')}
                </th>
                {hasValue && (
                  <th scope="col" className="num">
                    {t('dashboard.value', { currency: cur })}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {portfolio.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month, true)}</th>
                  <td className="num">{formatNumber(m.renewals)}</td>
                  {hasValue && (
                    <td className="num">{formatMoney({ amount: m.value, currency: cur })}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
      <figure className="card chart-card">
        <figcaption>
          <h2>{t('dashboard.byCounterparty')}</h2>
          {hasValue && <p className="muted small">{t('dashboard.value', { currency: cur })}</p>}
        </figcaption>
        {!hasValue || portfolio.counterparties.length === 0 ? (
          <p className="muted chart-empty">{t('dashboard.noChartData')}</p>
        ) : (
          <div className="chart-box" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={portfolio.counterparties}
                layout="vertical"
                margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
              >
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis type="number" tickFormatter={money} tick={{ fontSize: 12 }} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={170}
                  tick={{ fontSize: 12 }}
                  tickFormatter={(s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s)}
                />
                <Tooltip
                  cursor={{ fill: 'rgba(31, 58, 95, 0.06)' }}
                  formatter={(v) => money(Number(v))}
                />
                <Bar
                  dataKey="value"
                  name={t('dashboard.value', { currency: cur })}
                  fill={TEAL}
                  radius={[0, 3, 3, 0]}
                  maxBarSize={22}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        {portfolio.counterparties.length > 0 && (
          <details className="chart-data">
            <summary>{t('dashboard.chartTableCaption')}</summary>
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.counterparty')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.value', { currency: cur })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {portfolio.counterparties.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{formatMoney({ amount: c.value, currency: cur })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </figure>
    </div>
  );
}

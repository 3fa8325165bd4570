export { LevelBadgeComponent, formatScore } from './lib/level-badge.component';
export { StatusBadgeComponent, type SourceStatus } from './lib/status-badge.component';
export { EmptyStateComponent } from './lib/empty-state.component';
export { LoadingComponent } from './lib/loading.component';
export { ErrorBoxComponent } from './lib/error-box.component';
export { ScoreBarsComponent, type ScoreBar } from './lib/score-bars.component';
export { DimensionChartComponent, type ChartSeries } from './lib/dimension-chart.component';
export { LocalDatePipe, formatLocalDate } from './lib/local-date.pipe';
export { scopedTitle } from './lib/scoped-title';

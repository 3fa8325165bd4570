import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@scs/api/core';
import { FirmReport } from './kinds/firm-report';
import { ReportKinds, reportKinds } from './kinds/report-kind';
import { ReportRenderer } from './render/report-renderer';
import { Report, ReportFile } from './report.entity';
import { ReportStore } from './report.store';
import { ReportWorker } from './report.worker';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * PDF reports: the lifecycle of every report kind (request, queue, render in a worker of roles `all` and `worker` on one
 * long-lived Chromium per process, store, download). Registers the firm report (kind `assessment`), which needs a
 * REPORT_DATA_SOURCE provider somewhere in the application; other features register their kinds with reportKinds().
 */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ReportFile]), QueueModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportStore, ReportRenderer, ReportWorker, ReportKinds, ...reportKinds(FirmReport)],
  exports: [ReportsService, ReportRenderer, ReportKinds, FirmReport],
})
export class ReportsModule {}

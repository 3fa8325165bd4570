import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@scs/api/core';
import { ReportRenderer } from './render/report-renderer';
import { ReportExtensions } from './report-extensions';
import { Report, ReportFile } from './report.entity';
import { ReportWorker } from './report.worker';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * PDF risk reports: request and download over HTTP, rendering in a queue worker (roles `all` and `worker`) on one
 * long-lived Chromium per process. Needs a REPORT_DATA_SOURCE provider somewhere in the application.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ReportFile]), QueueModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportRenderer, ReportWorker, ReportExtensions],
  exports: [ReportsService, ReportRenderer, ReportExtensions],
})
export class ReportsModule {}

import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service';

/** The PostgreSQL-backed job queue, shared by every feature; import it where jobs are sent or worked. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}

import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { DeadlinesController } from './deadlines.controller';

@Module({ imports: [ApplicationModule], controllers: [DeadlinesController] })
export class DeadlinesModule {}

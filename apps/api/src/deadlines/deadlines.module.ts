import { Module } from '@nestjs/common';
import { DeadlinesController } from './deadlines.controller';

@Module({ controllers: [DeadlinesController] })
export class DeadlinesModule {}

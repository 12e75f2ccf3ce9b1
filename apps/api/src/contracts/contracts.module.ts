import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { ContractsController } from './contracts.controller';

@Module({ imports: [ApplicationModule], controllers: [ContractsController] })
export class ContractsModule {}

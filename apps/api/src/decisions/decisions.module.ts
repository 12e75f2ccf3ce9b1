import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { DecisionsController } from './decisions.controller';

@Module({ imports: [ApplicationModule], controllers: [DecisionsController] })
export class DecisionsModule {}

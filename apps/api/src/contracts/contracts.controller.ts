import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { HandlesOwnIdempotency } from '../idempotency/idempotency.interceptor';
import { ContractsService } from './contracts.service';
import {
  ContractListResponseDto,
  ContractResponseDto,
  ListContractsQueryDto,
  UpdateContractDto,
  UploadContractDto,
} from './dto/contract.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('v1/contracts')
export class ContractsController {
  constructor(@Inject(ContractsService) private readonly contracts: ContractsService) {}

  @Post()
  @RequirePermission('contracts:write')
  @HandlesOwnIdempotency()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadContractDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ type: ContractResponseDto, description: 'Stored; parsing has started' })
  async upload(
    @CurrentTenant() tenantId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { status, body } = await this.contracts.upload(tenantId, req);
    res.status(status);
    return body;
  }

  @Get()
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ContractListResponseDto })
  list(@CurrentTenant() tenantId: string, @Query() query: ListContractsQueryDto) {
    return this.contracts.list(tenantId, query);
  }

  @Get(':id')
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ContractResponseDto })
  get(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.contracts.get(tenantId, id);
  }

  @Patch(':id')
  @RequirePermission('contracts:write')
  @ApiOkResponse({ type: ContractResponseDto })
  update(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateContractDto,
  ) {
    return this.contracts.update(tenantId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('contracts:write')
  @ApiNoContentResponse()
  remove(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.contracts.remove(tenantId, id);
  }

  @Get(':id/file')
  @RequirePermission('contracts:read')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/plain',
  )
  @ApiOkResponse({ description: 'The original bytes, byte-identical' })
  async file(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    const { contract, stream } = await this.contracts.file(tenantId, id);
    return new StreamableFile(stream as NodeJS.ReadableStream & import('node:stream').Readable, {
      type: contract.mediaType,
      length: contract.fileSize,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(contract.fileName)}`,
    });
  }

  @Post(':id/reparse')
  @HttpCode(202)
  @RequirePermission('contracts:write')
  @ApiAcceptedResponse({ type: ContractResponseDto })
  reparse(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.contracts.reparse(tenantId, id);
  }
}

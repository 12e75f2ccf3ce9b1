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
import {
  CorrectTerms,
  DeleteContract,
  GetContract,
  GetNoticeLetter,
  ListContracts,
  OpenContractFile,
  ReparseContract,
  SetTermFromText,
  UploadContract,
  type Actor,
} from '@cb/application';
import type { Readable } from 'node:stream';
import type { Principal } from '../common/auth/principal';
import {
  CurrentActor,
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { MultipartFields } from '../common/multipart/multipart-body.decorator';
import { MultipartUpload } from '../common/multipart/multipart.interceptor';
import { listParts, toContractList, toContractResponse } from './contracts.mapper';
import { attachmentDisposition, contentDisposition } from './file-download.util';
import { NoticeLetterQueryDto } from './dto/notice-letter-query.dto';
import {
  ContractListResponseDto,
  ContractResponseDto,
  ListContractsQueryDto,
  SetTermFromTextDto,
  UpdateContractDto,
  UploadContractDto,
} from './dto/contract.dto';
import { UploadContractPipe, type ContractUpload } from './upload-contract.pipe';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('v1/contracts')
export class ContractsController {
  constructor(
    @Inject(UploadContract) private readonly uploadContract: UploadContract,
    @Inject(ListContracts) private readonly listContracts: ListContracts,
    @Inject(GetContract) private readonly getContract: GetContract,
    @Inject(CorrectTerms) private readonly correctTerms: CorrectTerms,
    @Inject(DeleteContract) private readonly deleteContract: DeleteContract,
    @Inject(OpenContractFile) private readonly openFile: OpenContractFile,
    @Inject(ReparseContract) private readonly reparseContract: ReparseContract,
    @Inject(SetTermFromText) private readonly setTermFromText: SetTermFromText,
    @Inject(GetNoticeLetter) private readonly noticeLetter: GetNoticeLetter,
  ) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('contracts:write')
  @MultipartUpload('file')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadContractDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ type: ContractResponseDto, description: 'Stored; parsing has started' })
  async upload(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @MultipartFields(UploadContractPipe) upload: ContractUpload,
  ): Promise<ContractResponseDto> {
    return toContractResponse(await this.uploadContract.execute({ tenantId, actor, ...upload }));
  }

  @Get()
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ContractListResponseDto })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ListContractsQueryDto) {
    const { expand, ...filters } = query;
    const parts = listParts(expand);
    return toContractList(
      await this.listContracts.execute(p.tenantId, filters, p.userId, parts),
      parts,
    );
  }

  @Get(':id')
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ContractResponseDto })
  async get(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return toContractResponse(await this.getContract.execute(tenantId, id));
  }

  @Patch(':id')
  @RequirePermission('contracts:write')
  @ApiOkResponse({ type: ContractResponseDto })
  async update(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
    @Body() dto: UpdateContractDto,
  ) {
    return toContractResponse(
      await this.correctTerms.execute({ tenantId, actor, contractId, ...dto }),
    );
  }

  @Post(':id/terms-from-text')
  @HttpCode(200)
  @RequirePermission('contracts:write')
  @ApiOkResponse({
    type: ContractResponseDto,
    description:
      'The field is set to the value read from the text, as set by a person (like PATCH terms), with the text as its evidence; 400 (problem+json, a message saying what to select) when the text holds no such value',
  })
  async setFromText(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
    @Body() dto: SetTermFromTextDto,
  ) {
    return toContractResponse(
      await this.setTermFromText.execute({ tenantId, actor, contractId, ...dto }),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('contracts:write')
  @ApiNoContentResponse()
  remove(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    return this.deleteContract.execute(tenantId, actor, id);
  }

  @Get(':id/file')
  @RequirePermission('contracts:read')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/plain',
  )
  @ApiOkResponse({
    description:
      'The original bytes, byte-identical. PDFs come `inline`, other files (DOCX, text) as `attachment`',
  })
  async file(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    const { contract, stream } = await this.openFile.execute(tenantId, id);
    return new StreamableFile(stream as Readable, {
      type: contract.mediaType,
      length: contract.fileSize,
      disposition: contentDisposition(contract.mediaType, contract.fileName),
    });
  }

  @Get(':id/notice-letter')
  @RequirePermission('contracts:read')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiOkResponse({
    description:
      'A notice letter (non-renewal or termination) filled in from the contract, as an attachment. Always a letter: where the contract gives no notice deadline it is a termination letter without one, and values the contract does not state are marked blanks (docs/api.md)',
  })
  async letter(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
    @Query() query: NoticeLetterQueryDto,
  ) {
    const letter = await this.noticeLetter.execute({ tenantId, actor, contractId, ...query });
    return new StreamableFile(letter.data, {
      type: letter.mediaType,
      length: letter.data.length,
      disposition: attachmentDisposition(letter.fileName),
    });
  }

  @Post(':id/reparse')
  @HttpCode(202)
  @RequirePermission('contracts:write')
  @ApiAcceptedResponse({ type: ContractResponseDto })
  async reparse(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return toContractResponse(await this.reparseContract.execute(tenantId, id));
  }
}

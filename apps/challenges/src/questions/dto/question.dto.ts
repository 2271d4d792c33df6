import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '@app/core';

export class AskQuestionDto {
  @ApiProperty({ description: 'The question; the enterprise never learns who asked it', maxLength: 2000, example: '测量精度是否要求全温区满足？' })
  @Trim()
  @IsString()
  @Length(1, 2000)
  question!: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ description: 'The answer, public to everyone who sees the challenge', maxLength: 5000 })
  @Trim()
  @IsString()
  @Length(1, 5000)
  answer!: string;
}

export class QuestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty() askedAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ description: 'Whether you asked it (nobody else learns who did)' }) mine!: boolean;
}

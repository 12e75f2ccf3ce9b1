import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedDto {
  @ApiProperty({
    example: 'https://app.example.com/calendar/3q2-Vb....ics',
    description:
      'Secret iCalendar feed URL of all deadlines; anyone with it can read the feed. DELETE /v1/calendar revokes it.',
  })
  url: string;
}

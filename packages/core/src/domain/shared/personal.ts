// The personal fields of the domain's events and whose they are (see eventsourcing/personal): a
// party's name, a household's address, a grid member's name, and free text, which may name anyone
// in the stream and so belongs to the stream's record.
import { personal } from '../../eventsourcing/personal/personal.js';
import { Label, Text } from './schemas.js';

/** Free text a person wrote (a description, a note, a reason): may name residents. */
export const FreeText = personal(Text);

/** A name written without an id of its own (a person present, a party a visitor heard of). */
export const NameInRecord = personal(Label);

/** A dispute party's name; the party's id is local to the dispute. */
export const PartyName = personal(Label, { kind: 'party', idKey: 'partyId', scope: 'stream' });

/** A grid member's name. */
export const MemberName = personal(Label, { kind: 'member', idKey: 'memberId' });

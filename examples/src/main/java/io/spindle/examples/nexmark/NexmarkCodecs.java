package io.spindle.examples.nexmark;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Hand-written codecs of the Nexmark events, as they cross the network and sit in state for every one of millions
 * of events: numbers as {@link VarLongs} (a bid takes about 15 bytes instead of 36), cities, states and channels as
 * an index into the generator's tables ({@link TableStringCodec}), and an event as a type byte before its record.
 * Records in the order of their components.
 */
public final class NexmarkCodecs {

    private static final Codec<String> CITIES = new TableStringCodec("city", NexmarkGenerator.CITY);
    private static final Codec<String> STATES = new TableStringCodec("state", NexmarkGenerator.STATE);
    private static final Codec<String> CHANNELS = new TableStringCodec("channel", NexmarkGenerator.CHANNEL);

    public static final Codec<Person> PERSON =
            new FieldCodec<>("nexmark-person-v1", NexmarkCodecs::writePerson, NexmarkCodecs::readPerson);
    public static final Codec<Auction> AUCTION =
            new FieldCodec<>("nexmark-auction-v1", NexmarkCodecs::writeAuction, NexmarkCodecs::readAuction);
    public static final Codec<Bid> BID =
            new FieldCodec<>("nexmark-bid-v1", NexmarkCodecs::writeBid, NexmarkCodecs::readBid);
    public static final Codec<Event> EVENT =
            new FieldCodec<>("nexmark-event-v1", NexmarkCodecs::writeEvent, NexmarkCodecs::readEvent);

    private static final int PERSON_TYPE = 0;
    private static final int AUCTION_TYPE = 1;
    private static final int BID_TYPE = 2;

    private NexmarkCodecs() { }

    private static void writePerson(Person p, DataOutput out) throws IOException {
        VarLongs.write(out, p.id());
        Codecs.STRING.encode(p.name(), out);
        CITIES.encode(p.city(), out);
        STATES.encode(p.state(), out);
        VarLongs.write(out, p.dateTime());
    }

    private static Person readPerson(DataInput in) throws IOException {
        // Java evaluates arguments left to right: the fields are read in the order they were written.
        return new Person(VarLongs.read(in), Codecs.STRING.decode(in), CITIES.decode(in), STATES.decode(in),
                VarLongs.read(in));
    }

    private static void writeAuction(Auction a, DataOutput out) throws IOException {
        VarLongs.write(out, a.id());
        VarLongs.write(out, a.seller());
        VarLongs.write(out, a.category());
        VarLongs.write(out, a.initialBid());
        VarLongs.write(out, a.expires());
        VarLongs.write(out, a.dateTime());
    }

    private static Auction readAuction(DataInput in) throws IOException {
        return new Auction(VarLongs.read(in), VarLongs.read(in), VarLongs.read(in), VarLongs.read(in),
                VarLongs.read(in), VarLongs.read(in));
    }

    private static void writeBid(Bid b, DataOutput out) throws IOException {
        VarLongs.write(out, b.auction());
        VarLongs.write(out, b.bidder());
        VarLongs.write(out, b.price());
        CHANNELS.encode(b.channel(), out);
        VarLongs.write(out, b.dateTime());
    }

    private static Bid readBid(DataInput in) throws IOException {
        return new Bid(VarLongs.read(in), VarLongs.read(in), VarLongs.read(in), CHANNELS.decode(in),
                VarLongs.read(in));
    }

    private static void writeEvent(Event event, DataOutput out) throws IOException {
        if (event instanceof Bid bid) {
            out.writeByte(BID_TYPE);
            writeBid(bid, out);
        } else if (event instanceof Auction auction) {
            out.writeByte(AUCTION_TYPE);
            writeAuction(auction, out);
        } else {
            out.writeByte(PERSON_TYPE);
            writePerson((Person) event, out);
        }
    }

    private static Event readEvent(DataInput in) throws IOException {
        int type = in.readUnsignedByte();
        return switch (type) {
            case BID_TYPE -> readBid(in);
            case AUCTION_TYPE -> readAuction(in);
            case PERSON_TYPE -> readPerson(in);
            default -> throw new IOException("nexmark-event-v1: unknown event type " + type);
        };
    }
}

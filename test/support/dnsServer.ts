// A real DNS server on 127.0.0.1 for a test file (the dns2 package), for DNS_RESOLVER:
// it answers TXT questions with the records the test publishes, and NXDOMAIN for any
// name that has none. It can go silent, as a resolver that is unreachable.
import dns2 from 'dns2';

const { Packet } = dns2;
/** RFC 1035's "name error": no such name (dns2's types leave Packet.RCODE out). */
const NXDOMAIN = 3;

export interface TestDnsServer {
  /** For DNS_RESOLVER: `127.0.0.1:<port>`. */
  address: string;
  /** Sets the TXT records of `name` (none: it has none). */
  publishTxt(name: string, ...values: string[]): void;
  /** While true, no question gets an answer. */
  silent: boolean;
  close(): Promise<void>;
}

export async function startDnsServer(): Promise<TestDnsServer> {
  const records = new Map<string, string[]>();
  const state = { silent: false };
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      if (state.silent) return;
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const txt = records.get(question.name.toLowerCase()) ?? [];
      if (txt.length === 0) response.header.rcode = NXDOMAIN;
      if (question.type === Packet.TYPE.TXT) {
        for (const data of txt) response.answers.push(Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data }));
      }
      send(response);
    },
  });
  const { udp } = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return {
    address: `127.0.0.1:${udp!.port}`,
    publishTxt: (name, ...values) => records.set(name.toLowerCase(), values),
    get silent() {
      return state.silent;
    },
    set silent(value) {
      state.silent = value;
    },
    close: async () => {
      await server.close();
    },
  };
}

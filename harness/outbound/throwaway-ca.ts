import { webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import * as x509 from '@peculiar/x509';

type Key = webcrypto.CryptoKey;
type KeyPair = webcrypto.CryptoKeyPair;

// Node's Web Crypto signs; @peculiar/x509 only builds the certificates (Node has no X.509 writer).
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const DAY_MS = 86_400_000;

const derOfPem = (pem: string): Buffer => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

const pemOfKey = async (key: Key): Promise<string> => {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
};

/**
 * A certificate authority made for one run and trusted by nothing else: the outbound proxy signs a
 * certificate for each host Odoo calls with it, so that Odoo's HTTPS requests can be read and
 * answered by the simulators. Made per run (`create`), its key lives in memory only and just the
 * certificate is written out; kept for a server started once (`kept`), the key is written too,
 * readable by its owner only, in the harness cache.
 */
export class ThrowawayCa {
  readonly #credentials = new Map<string, Promise<{ readonly cert: string; readonly key: string }>>();
  #serial = 1;

  private constructor(
    readonly certificatePem: string,
    private readonly certificate: x509.X509Certificate,
    private readonly keys: KeyPair,
    // One key pair for every host's certificate: signing is cheap, RSA key generation is not.
    private readonly hostKeys: KeyPair,
    private readonly hostKeyPem: string,
  ) {}

  static async create(commonName = 'odoo-exception-harness throwaway CA'): Promise<ThrowawayCa> {
    const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as KeyPair;
    const now = Date.now();
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: `CN=${commonName}`,
      // Valid from a day back: a clock a little behind still accepts it.
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 30 * DAY_MS),
      signingAlgorithm: RSA,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return ThrowawayCa.#withHostKeys(certificate, keys);
  }

  /**
   * The CA kept in `folder` (ca.pem, ca-key.pem), made there the first time. For a server started
   * once with `proxy-env`, which must go on trusting the proxy of every later run; the key file is
   * readable by its owner only, and the folder is the harness cache (never committed).
   */
  static async kept(folder: string): Promise<ThrowawayCa> {
    const certFile = join(folder, 'ca.pem');
    const keyFile = join(folder, 'ca-key.pem');
    if (existsSync(certFile) && existsSync(keyFile)) {
      const certificate = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
      const privateKey = (await webcrypto.subtle.importKey('pkcs8', derOfPem(readFileSync(keyFile, 'utf8')), RSA, true, ['sign'])) as Key;
      if (certificate.notAfter.getTime() > Date.now() + 86_400_000) return ThrowawayCa.#withHostKeys(certificate, { privateKey, publicKey: await certificate.publicKey.export() });
    }
    const ca = await ThrowawayCa.create();
    mkdirSync(folder, { recursive: true });
    writeFileSync(keyFile, await pemOfKey(ca.keys.privateKey), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    writeFileSync(certFile, ca.certificatePem);
    return ca;
  }

  static async #withHostKeys(certificate: x509.X509Certificate, keys: KeyPair): Promise<ThrowawayCa> {
    const hostKeys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as KeyPair;
    return new ThrowawayCa(certificate.toString('pem'), certificate, keys, hostKeys, await pemOfKey(hostKeys.privateKey));
  }

  /** Writes the certificate (never the key) where Odoo's REQUESTS_CA_BUNDLE will point; returns the path. */
  writeCertificate(file: string): string {
    writeFileSync(file, this.certificatePem);
    return file;
  }

  /** A TLS server context for `host`, with a certificate this CA signed (made once a host). */
  async contextFor(host: string): Promise<SecureContext> {
    return createSecureContext(await this.credentialsFor(host));
  }

  /** The certificate chain (host, then this CA) and key a TLS server for `host` presents. */
  credentialsFor(host: string): Promise<{ readonly cert: string; readonly key: string }> {
    let credentials = this.#credentials.get(host);
    if (!credentials) {
      credentials = this.#issue(host).then((cert) => ({ cert: `${cert.trim()}\n${this.certificatePem.trim()}\n`, key: this.hostKeyPem }));
      this.#credentials.set(host, credentials);
    }
    return credentials;
  }

  async #issue(host: string): Promise<string> {
    const isAddress = /^[\d.]+$|:/.test(host);
    const now = Date.now();
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: (++this.#serial).toString(16).padStart(2, '0'),
      subject: `CN=${host}`,
      issuer: this.certificate.subject,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 30 * DAY_MS),
      signingAlgorithm: RSA,
      publicKey: this.hostKeys.publicKey,
      signingKey: this.keys.privateKey,
      extensions: [
        new x509.SubjectAlternativeNameExtension([{ type: isAddress ? 'ip' : 'dns', value: host }]),
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        await x509.AuthorityKeyIdentifierExtension.create(this.certificate),
        await x509.SubjectKeyIdentifierExtension.create(this.hostKeys.publicKey),
      ],
    });
    return certificate.toString('pem');
  }
}

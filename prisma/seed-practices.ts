// The demo catalogue beyond Kendari's L2T2: public Indonesian public-service innovations, told in
// our own words, each with its real region (Kemendagri code of the seeded region table), its start
// year and the public source it is drawn from (`source`, kept here in the seed; numbers only where
// the public record gives them). Plus the seed cases of PRODUCT.md that are not yet a catalogue
// entry, each at the maturity of its stage: Lampung Barat (piloting), the four Lahat projects
// (launched 10 Oct 2023) and Serang's health PIP (a plan with its first workshops).
//
// Idempotent and fast: one upsert per practice by its slug, fixed ids ("demo-practice-…").
import type { Prisma } from "../app/generated/prisma/client";
import type {
  InnovationForm,
  InnovationInitiator,
  InnovationType,
  Maturity,
  SpmField,
} from "../app/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export type CataloguePractice = {
  slug: string;
  name: string;
  regionCode: string;
  startedYear: number;
  spmField: SpmField | null;
  sector: string;
  tags: string[];
  summary: string;
  problem: string;
  solution: string;
  results: string;
  maturity: Maturity;
  form: InnovationForm;
  type: InnovationType;
  initiator: InnovationInitiator;
  /** the public record this entry is drawn from */
  source: string;
  /** the change project it comes from (seed cases only) */
  projectId?: string;
};

const published = (year: number, i: number) =>
  new Date(Date.UTC(Math.max(year + 1, 2019), i % 12, 1 + (i % 27), 2));

export const CATALOGUE_PRACTICES: CataloguePractice[] = [
  // ── pendidikan ──
  {
    slug: "siswa-asuh-sebaya-banyuwangi",
    name: "Siswa Asuh Sebaya (SAS) Kabupaten Banyuwangi",
    regionCode: "35.10",
    startedYear: 2011,
    spmField: "EDUCATION",
    sector: "Pendidikan dasar",
    tags: ["beasiswa", "siswa miskin", "gotong royong", "sekolah"],
    summary:
      "Siswa yang mampu menyisihkan uang saku setiap pekan untuk teman sekolahnya yang kurang mampu; dikelola " +
      "dari siswa, oleh siswa, untuk siswa. Sejak 2011 terhimpun Rp 27,71 miliar untuk lebih dari 250 ribu siswa.",
    problem:
      "Banyak siswa SD dan SMP dari keluarga miskin kekurangan seragam, sepatu, alat tulis atau ongkos ke " +
      "sekolah, dan bantuan pemerintah tidak menjangkau semua kebutuhan kecil itu dengan cepat.",
    solution:
      "Dinas Pendidikan mengajak setiap sekolah mengedarkan kotak SAS sekali sepekan; sumbangan sukarela " +
      "(Rp 1.000–5.000) dibelanjakan untuk kebutuhan teman yang membutuhkan tanpa prosedur berbelit. Pada 2021 " +
      "diperluas menjadi Sekolah Asuh Sekolah: sekolah yang lebih mampu membantu sekolah lain.",
    results:
      "Dana terhimpun Rp 27,71 miliar dan menjangkau lebih dari 250 ribu siswa; selama pandemi dipakai untuk " +
      "ponsel dan kuota belajar daring. Diapresiasi KemenPAN-RB 2024 sebagai inovasi berkelanjutan.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Banyuwangi; KemenPAN-RB, penghargaan keberlanjutan inovasi 8 Okt 2024",
  },
  {
    slug: "gerakan-kembali-bersekolah-brebes",
    name: "Gerakan Kembali Bersekolah (GKB) Kabupaten Brebes",
    regionCode: "33.29",
    startedYear: 2017,
    spmField: "EDUCATION",
    sector: "Anak tidak sekolah",
    tags: ["anak tidak sekolah", "putus sekolah", "ATS", "relawan", "desa"],
    summary:
      "Relawan desa, sekolah dan pemerintah kabupaten mendata anak yang tidak sekolah lalu mengembalikan mereka " +
      "ke sekolah formal atau kejar paket. Lebih dari 6.400 anak kembali belajar pada 2017–2020.",
    problem:
      "Ribuan anak Brebes putus sekolah atau tidak melanjutkan karena ekonomi keluarga, harus bekerja, atau " +
      "disabilitas; datanya tercecer dan tidak ada yang menjemput mereka.",
    solution:
      "Berawal dari relawan komunitas (2016), Bupati meluncurkan GKB pada 20 September 2017 dengan dasar " +
      "Perbup rintisan wajib belajar 12 tahun. Forum Masyarakat Peduli Pendidikan di desa dan kecamatan " +
      "mendata anak, mencari sekolah yang cocok, dan membiayai lewat APBD, dana desa dan CSR.",
    results:
      "1.212 anak kembali bersekolah pada 2017 (target 1.000) dan 4.074 anak pada 2018; diadopsi kabupaten/kota " +
      "lain di Jawa Tengah.",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "COMMUNITY",
    source: "Pemkab Brebes (gkb.brebeskab.go.id); Kompetisi Inovasi Pelayanan Publik KemenPAN-RB",
  },
  {
    slug: "kartu-jakarta-pintar",
    name: "Kartu Jakarta Pintar (KJP)",
    regionCode: "31",
    startedYear: 2012,
    spmField: "EDUCATION",
    sector: "Bantuan biaya pendidikan",
    tags: ["bantuan pendidikan", "siswa miskin", "kartu", "nontunai"],
    summary:
      "Bantuan biaya personal pendidikan bagi siswa dari keluarga tidak mampu di Jakarta, disalurkan ke " +
      "rekening bank atas nama siswa dan dibelanjakan nontunai untuk kebutuhan sekolah.",
    problem:
      "Sekolah negeri sudah bebas SPP, tetapi seragam, sepatu, buku dan transport tetap membuat anak dari " +
      "keluarga miskin berisiko berhenti sekolah.",
    solution:
      "Pemprov DKI Jakarta memberikan kartu dengan dana bulanan untuk siswa SD sampai SMA/SMK dari keluarga " +
      "tidak mampu; penarikan tunai dibatasi agar dana dipakai untuk keperluan sekolah.",
    results: "Berjalan sejak akhir 2012 dan berlanjut sebagai KJP Plus.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemprov DKI Jakarta; pemberitaan nasional 2012–2024",
  },
  // ── kesehatan ──
  {
    slug: "home-care-dottorota-makassar",
    name: "Home Care Dottoro'ta Kota Makassar",
    regionCode: "73.71",
    startedYear: 2015,
    spmField: "HEALTH",
    sector: "Pelayanan kesehatan dasar",
    tags: ["home care", "kunjungan rumah", "puskesmas", "112", "dokter keliling"],
    summary:
      "Dokter dan perawat puskesmas datang ke rumah warga 24 jam setelah ditelepon ke 112, dengan mobil kecil " +
      "yang masuk sampai lorong. Pada 2023 layanan ini dipakai 5.321 warga.",
    problem:
      "Satu puskesmas melayani puluhan ribu penduduk; warga miskin, lansia dan yang tinggal di lorong padat " +
      "atau pulau sulit datang ke puskesmas atau rumah sakit.",
    solution:
      "Layanan kunjungan rumah 24 jam diatur dengan Perwali Makassar 6/2016: panggilan ke call center 112 " +
      "diteruskan ke puskesmas terdekat, lalu tim dokter, perawat dan sopir datang dan merujuk bila perlu.",
    results:
      "Menjangkau semua kecamatan; 5.321 pengguna pada 2023 dan 2.535 pada Januari–Juni 2024. Pada 10 Oktober " +
      "2023 ditambah 47 mobil rendah emisi, satu per puskesmas.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Makassar (makassarkota.go.id); Dinkes Kota Makassar, Juli 2024",
  },
  {
    slug: "jaminan-kesehatan-jembrana",
    name: "Jaminan Kesehatan Jembrana (JKJ)",
    regionCode: "51.01",
    startedYear: 2003,
    spmField: "HEALTH",
    sector: "Jaminan kesehatan daerah",
    tags: ["jaminan kesehatan", "berobat gratis", "puskesmas", "asuransi daerah"],
    summary:
      "Sebelum ada jaminan kesehatan nasional, Kabupaten Jembrana menanggung biaya rawat jalan dasar seluruh " +
      "warganya di puskesmas maupun dokter dan bidan swasta yang bermitra.",
    problem:
      "Subsidi untuk puskesmas tidak membuat warga berobat lebih awal; banyak yang menunda ke dokter karena biaya.",
    solution:
      "Subsidi dialihkan dari penyedia ke warga: badan penyelenggara JKJ membayar klaim layanan dasar setiap " +
      "pemegang kartu di penyedia pemerintah atau swasta yang dipilihnya.",
    results: "Menjadi rujukan nasional jaminan kesehatan daerah pada 2000-an sebelum digantikan JKN.",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Jembrana; kajian dan pemberitaan nasional 2003–2010",
  },
  {
    slug: "pelayanan-kesehatan-masyarakat-surakarta",
    name: "Pelayanan Kesehatan Masyarakat Surakarta (PKMS)",
    regionCode: "33.72",
    startedYear: 2008,
    spmField: "HEALTH",
    sector: "Jaminan kesehatan daerah",
    tags: ["jaminan kesehatan", "kartu", "warga miskin", "rumah sakit"],
    summary:
      "Kartu jaminan kesehatan kota bagi warga Solo yang tidak tertanggung program nasional, untuk berobat di " +
      "puskesmas dan rumah sakit mitra.",
    problem: "Banyak warga miskin dan hampir miskin di luar kuota jaminan kesehatan pusat.",
    solution:
      "Pemkot Surakarta menerbitkan kartu PKMS berjenjang dan membayar layanan di puskesmas serta rumah sakit mitra.",
    results: "Berjalan sejak 2008 dan kemudian diintegrasikan ke JKN.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Surakarta; pemberitaan nasional 2008–2014",
  },
  {
    slug: "revolusi-kia-nusa-tenggara-timur",
    name: "Revolusi Kesehatan Ibu dan Anak (Revolusi KIA) Provinsi NTT",
    regionCode: "53",
    startedYear: 2009,
    spmField: "HEALTH",
    sector: "Kesehatan ibu dan anak",
    tags: ["ibu hamil", "persalinan", "faskes", "angka kematian ibu", "bidan"],
    summary:
      "Semua ibu hamil melahirkan di fasilitas kesehatan yang memadai, ditolong tenaga terlatih, untuk menekan " +
      "kematian ibu dan bayi; ditetapkan dengan Pergub NTT 42/2009.",
    problem:
      "Angka kematian ibu dan bayi di NTT termasuk yang tertinggi di Indonesia, banyak persalinan terjadi di " +
      "rumah jauh dari fasilitas kesehatan.",
    solution:
      "Persalinan diwajibkan di faskes; rumah tunggu kelahiran dekat puskesmas, kemitraan bidan dan dukun, serta " +
      "pendampingan ibu hamil oleh kader desa.",
    results: "Persalinan di fasilitas kesehatan meningkat; menjadi kebijakan provinsi yang berlanjut.",
    maturity: "SUSTAINED",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pergub NTT 42/2009; Dinkes Provinsi NTT",
  },
  {
    slug: "brigade-siaga-bencana-bantaeng",
    name: "Brigade Siaga Bencana (BSB) Kabupaten Bantaeng",
    regionCode: "73.03",
    startedYear: 2009,
    spmField: "HEALTH",
    sector: "Layanan gawat darurat",
    tags: ["ambulans", "gawat darurat", "dokter", "gratis", "bencana"],
    summary:
      "Ambulans dengan dokter dan perawat datang gratis ke rumah warga dalam keadaan darurat setelah " +
      "ditelepon, siaga 24 jam.",
    problem: "Pasien gawat darurat di desa terlambat ditangani karena jarak dan tidak ada angkutan.",
    solution:
      "Satu nomor panggilan darurat, armada ambulans dengan tim medis, dan pusat kendali yang mengirim tim " +
      "terdekat; juga bergerak saat bencana.",
    results: "Menjadi contoh layanan gawat darurat kabupaten yang direplikasi daerah lain.",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Bantaeng; pemberitaan nasional 2009–2018",
  },
  {
    slug: "kartu-jakarta-sehat",
    name: "Kartu Jakarta Sehat (KJS)",
    regionCode: "31",
    startedYear: 2012,
    spmField: "HEALTH",
    sector: "Jaminan kesehatan daerah",
    tags: ["jaminan kesehatan", "berobat gratis", "puskesmas", "rumah sakit", "kartu"],
    summary:
      "Warga Jakarta berobat gratis di puskesmas dan kelas III rumah sakit mitra dengan satu kartu; pendahulu " +
      "integrasi jaminan kesehatan daerah ke JKN.",
    problem: "Warga miskin menunda berobat karena biaya dan prosedur surat keterangan tidak mampu.",
    solution:
      "Pemprov DKI mengganti surat keterangan tidak mampu dengan kartu, memperluas kepesertaan, dan membayar " +
      "layanan melalui pengelola asuransi.",
    results:
      "Kunjungan ke puskesmas dan rumah sakit naik tajam pada tahun pertama; diintegrasikan ke JKN pada 2014.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemprov DKI Jakarta; pemberitaan nasional 2012–2014",
  },
  // ── pekerjaan umum: air minum, air limbah, jalan ──
  {
    slug: "airku-pdam-kulon-progo",
    name: "AirKu: air minum kemasan PDAM Kabupaten Kulon Progo",
    regionCode: "34.01",
    startedYear: 2013,
    spmField: "PUBLIC_WORKS",
    sector: "Air minum",
    tags: ["air minum", "PDAM", "produk lokal", "Bela Beli Kulon Progo"],
    summary:
      "PDAM Tirta Binangun mengemas air minumnya sendiri, dan ASN, sekolah serta acara pemerintah membelinya: " +
      "bagian dari gerakan Bela Beli Kulon Progo.",
    problem: "Belanja air minum kemasan warga dan pemerintah daerah mengalir ke merek dari luar daerah.",
    solution:
      "PDAM membuka unit air minum kemasan; bupati meminta ASN dan kegiatan daerah memakai AirKu, dan toko " +
      "koperasi (Tomira) menjualnya.",
    results: "Menambah pendapatan PDAM dan dijual di toko-toko milik rakyat di Kulon Progo.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Kulon Progo; Tempo, 25 April 2016",
  },
  {
    slug: "sistem-air-limbah-terpusat-denpasar",
    name: "Sistem pengelolaan air limbah terpusat Denpasar (DSDP)",
    regionCode: "51.71",
    startedYear: 2008,
    spmField: "PUBLIC_WORKS",
    sector: "Sanitasi (air limbah domestik)",
    tags: ["air limbah", "SPALD terpusat", "IPAL", "sambungan rumah", "sanitasi"],
    summary:
      "Jaringan perpipaan air limbah domestik yang menyalurkan limbah rumah, hotel dan usaha di Denpasar dan " +
      "Kuta ke instalasi pengolahan air limbah di Suwung.",
    problem:
      "Air limbah dari tangki septik yang bocor dan saluran terbuka mencemari air tanah, sungai dan pantai di " +
      "kawasan padat wisata.",
    solution:
      "Pemerintah pusat, Provinsi Bali, Kota Denpasar dan Kabupaten Badung membangun jaringan perpipaan dan IPAL " +
      "Suwung secara bertahap, dikelola UPT bersama dengan tarif sambungan.",
    results: "Beroperasi sejak 2008 dan diperluas bertahap ke kawasan permukiman.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "AGENCY",
    source: "Kementerian PUPR; Pemprov Bali (Denpasar Sewerage Development Project)",
  },
  {
    slug: "pasukan-oranye-ppsu-jakarta",
    name: "Petugas Penanganan Prasarana dan Sarana Umum (PPSU) Jakarta",
    regionCode: "31",
    startedYear: 2015,
    spmField: "PUBLIC_WORKS",
    sector: "Pemeliharaan prasarana",
    tags: ["saluran air", "drainase", "jalan rusak", "kelurahan", "banjir"],
    summary:
      "Setiap kelurahan punya pasukan berseragam oranye yang membersihkan saluran, menambal jalan dan " +
      "memperbaiki prasarana kecil begitu dilaporkan.",
    problem:
      "Saluran tersumbat, jalan berlubang dan fasilitas umum rusak menunggu lama karena harus melalui dinas teknis.",
    solution:
      "Pemprov DKI merekrut petugas harian lepas per kelurahan di bawah lurah, dengan laporan warga sebagai " +
      "pemicu kerja harian.",
    results: "Menjadi bagian tetap dari pelayanan kelurahan di Jakarta.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemprov DKI Jakarta; pemberitaan nasional 2015–2024",
  },
  {
    slug: "kang-pisman-bandung",
    name: "Kang Pisman: kurangi, pisahkan, manfaatkan sampah Kota Bandung",
    regionCode: "32.73",
    startedYear: 2018,
    spmField: null,
    sector: "Persampahan",
    tags: ["sampah", "pilah sampah", "bank sampah", "kompos", "kawasan bebas sampah"],
    summary:
      "Gerakan warga mengurangi, memilah dan memanfaatkan sampah dari rumah, dengan kawasan percontohan bebas " +
      "sampah di kelurahan.",
    problem:
      "Sampah kota menumpuk dan bergantung pada satu tempat pembuangan akhir di luar kota yang kapasitasnya terbatas.",
    solution:
      "Wali kota menetapkan Kang Pisman sebagai gerakan kota: pemilahan di rumah, bank sampah, komposter dan " +
      "maggot di RW, serta pendampingan kawasan bebas sampah.",
    results: "Menjadi gerakan tetap Kota Bandung dengan kawasan bebas sampah yang terus bertambah.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Bandung; DLH Kota Bandung",
  },
  {
    slug: "suroboyo-bus-bayar-botol-plastik",
    name: "Suroboyo Bus: bayar dengan botol plastik",
    regionCode: "35.78",
    startedYear: 2018,
    spmField: null,
    sector: "Transportasi dan persampahan",
    tags: ["bus kota", "sampah plastik", "botol", "transportasi umum"],
    summary:
      "Penumpang bus kota Surabaya membayar dengan botol atau gelas plastik bekas, sehingga angkutan umum " +
      "sekaligus mengumpulkan sampah plastik.",
    problem: "Sampah plastik kota terus naik, dan warga belum terbiasa naik angkutan umum.",
    solution:
      "Pemkot Surabaya mengoperasikan bus kota sejak April 2018 dengan tiket berupa botol plastik; botol yang " +
      "terkumpul dilelang dan hasilnya untuk operasional.",
    results: "Berjalan sejak 2018 dan menjadi ikon transportasi Surabaya.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Surabaya; pemberitaan nasional 2018",
  },
  // ── perumahan rakyat dan kawasan permukiman ──
  {
    slug: "kampung-tematik-semarang",
    name: "Kampung Tematik Kota Semarang",
    regionCode: "33.74",
    startedYear: 2016,
    spmField: "HOUSING",
    sector: "Permukiman kumuh",
    tags: ["kampung kumuh", "permukiman", "kemiskinan", "kampung"],
    summary:
      "Setiap kelurahan menata kampungnya dengan satu tema potensi lokal, memperbaiki lingkungan sekaligus " +
      "membuka usaha warga.",
    problem: "Kawasan kumuh dan kemiskinan terkonsentrasi di kampung-kampung kota.",
    solution:
      "Pemkot Semarang mendanai penataan dua kampung per kecamatan setiap tahun: perbaikan jalan lingkungan, " +
      "saluran, sanitasi dan ruang usaha, dipilih dan dikerjakan bersama warga.",
    results: "Ratusan kampung tematik terbentuk sejak 2016.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Semarang; pemberitaan nasional 2016–2020",
  },
  {
    slug: "kampung-warna-warni-jodipan-malang",
    name: "Kampung Warna-Warni Jodipan Kota Malang",
    regionCode: "35.73",
    startedYear: 2016,
    spmField: "HOUSING",
    sector: "Permukiman kumuh",
    tags: ["kampung kumuh", "bantaran sungai", "wisata kampung", "CSR"],
    summary:
      "Kampung padat di bantaran Sungai Brantas dicat warna-warni oleh warga bersama mahasiswa dan CSR, lalu " +
      "menjadi kampung wisata yang lebih bersih.",
    problem: "Kampung bantaran sungai kumuh, warga membuang sampah ke sungai.",
    solution:
      "Mahasiswa mengajak warga dan perusahaan cat menata dan mengecat rumah; warga menjaga kebersihan dan " +
      "mengelola tiket masuk.",
    results: "Menjadi tujuan wisata kota dan memberi pendapatan bagi warga kampung.",
    maturity: "SUSTAINED",
    form: "OTHER",
    type: "NON_DIGITAL",
    initiator: "COMMUNITY",
    source: "Pemkot Malang; pemberitaan nasional 2016–2017",
  },
  {
    slug: "lorong-garden-makassar",
    name: "Lorong Garden Kota Makassar",
    regionCode: "73.71",
    startedYear: 2014,
    spmField: "HOUSING",
    sector: "Lingkungan permukiman",
    tags: ["lorong", "kebun", "permukiman padat", "lingkungan"],
    summary:
      "Lorong-lorong sempit di permukiman padat Makassar ditata menjadi kebun sayur dan ruang hijau yang " +
      "dikelola warga.",
    problem: "Lorong padat kumuh, panas, dan tidak punya ruang bersama.",
    solution:
      "Pemkot Makassar mendorong warga tiap lorong menanam dalam pot dan rak vertikal, dengan lomba dan " +
      "pendampingan kelurahan.",
    results: "Menjadi program unggulan kota sejak periode pertama wali kota (2014–2019).",
    maturity: "IMPLEMENTED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Makassar; pemberitaan nasional 2014–2018",
  },
  // ── ketenteraman, ketertiban umum dan pelindungan masyarakat ──
  {
    slug: "relokasi-pkl-banjarsari-surakarta",
    name: "Relokasi pedagang kaki lima Banjarsari ke Pasar Klithikan Notoharjo",
    regionCode: "33.72",
    startedYear: 2006,
    spmField: "PUBLIC_ORDER",
    sector: "Penataan pedagang kaki lima",
    tags: ["PKL", "relokasi", "dialog", "pasar", "ketertiban umum"],
    summary:
      "Ratusan pedagang kaki lima di taman Monumen Banjarsari pindah sukarela ke pasar baru setelah puluhan kali " +
      "diajak makan dan berdialog oleh wali kota, tanpa penggusuran paksa.",
    problem: "Taman kota dan jalan dikuasai PKL; penertiban paksa di kota-kota lain kerap berakhir bentrok.",
    solution:
      "Wali kota mengundang paguyuban PKL makan bersama berulang kali, menyiapkan kios gratis di Pasar " +
      "Klithikan Notoharjo, izin usaha, dan kirab pindahan yang meriah.",
    results: "Pemindahan berlangsung damai pada 2006 dan menjadi rujukan penataan PKL nasional.",
    maturity: "REPLICATED",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Surakarta; pemberitaan nasional 2006",
  },
  {
    slug: "command-center-112-surabaya",
    name: "Command Center 112 Kota Surabaya",
    regionCode: "35.78",
    startedYear: 2016,
    spmField: "PUBLIC_ORDER",
    sector: "Layanan kedaruratan",
    tags: ["112", "gawat darurat", "kebakaran", "CCTV", "pengaduan"],
    summary:
      "Satu nomor 112 untuk semua keadaan darurat: petugas delapan dinas dan kepolisian berjaga bersama di satu " +
      "ruang kendali dan mengirim tim terdekat; waktu tanggap di bawah 7 menit.",
    problem: "Warga harus mengingat banyak nomor untuk kebakaran, kecelakaan, banjir atau kejahatan.",
    solution:
      "Diluncurkan 26 Juli 2016 di gedung Siola: operator 24 jam, ribuan CCTV terhubung, dan petugas Satpol PP, " +
      "pemadam kebakaran, dinas sosial, dinas perhubungan serta BPBD dalam satu ruangan.",
    results:
      "Sekitar 2.200 CCTV terhubung (2024) dan waktu tanggap kurang dari 7 menit; dipelajari untuk layanan " +
      "darurat di IKN.",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Surabaya; Republika 26 Juni 2017; jatimnow 12 Sept 2024",
  },
  {
    slug: "jaki-jakarta-kini",
    name: "JAKI (Jakarta Kini) dan JakLapor",
    regionCode: "31",
    startedYear: 2019,
    spmField: null,
    sector: "Pengaduan masyarakat",
    tags: ["aplikasi", "pengaduan", "laporan warga", "online"],
    summary:
      "Satu aplikasi warga Jakarta untuk melapor masalah kota (JakLapor), memantau tindak lanjutnya, dan " +
      "mengakses layanan pemerintah provinsi.",
    problem:
      "Kanal pengaduan tersebar di banyak aplikasi dan akun media sosial, tindak lanjut tidak terlacak.",
    solution:
      "Jakarta Smart City menyatukan kanal laporan ke satu aplikasi yang meneruskan laporan ke OPD atau " +
      "kelurahan dengan batas waktu tindak lanjut.",
    results: "Menjadi kanal utama laporan warga DKI Jakarta.",
    maturity: "IMPLEMENTED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "AGENCY",
    source: "Jakarta Smart City, Pemprov DKI Jakarta",
  },
  // ── sosial ──
  {
    slug: "gandeng-gendong-yogyakarta",
    name: "Gandeng Gendong Kota Yogyakarta",
    regionCode: "34.71",
    startedYear: 2018,
    spmField: "SOCIAL",
    sector: "Penanggulangan kemiskinan",
    tags: ["kemiskinan", "UMKM", "kolaborasi", "kampus", "korporasi"],
    summary:
      "Kolaborasi lima unsur — kota, korporasi, kampus, kampung dan komunitas — untuk mengangkat keluarga miskin, " +
      "antara lain lewat belanja katering rapat pemerintah dari kelompok usaha warga miskin.",
    problem: "Bantuan sosial saja tidak membuat keluarga miskin mandiri.",
    solution:
      "Pemkot Yogyakarta menetapkan Gandeng Gendong dengan peraturan wali kota; OPD membeli makan-minum dari " +
      "kelompok usaha keluarga miskin, kampus dan perusahaan mendampingi usaha dan keterampilan.",
    results: "Puluhan kelompok usaha warga miskin mendapat pesanan rutin dari OPD.",
    maturity: "IMPLEMENTED",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkot Yogyakarta",
  },
  {
    slug: "uptpk-sragen",
    name: "Unit Pelayanan Terpadu Penanggulangan Kemiskinan (UPTPK) Kabupaten Sragen",
    regionCode: "33.14",
    startedYear: 2012,
    spmField: "SOCIAL",
    sector: "Penanggulangan kemiskinan",
    tags: ["kemiskinan", "satu pintu", "data terpadu", "warga miskin", "jamkesda"],
    summary:
      "Satu pintu bagi warga miskin untuk bantuan kesehatan, pendidikan dan rumah, dengan satu basis data " +
      "kemiskinan yang diverifikasi. Angka kemiskinan turun dari 17,95% (2011) ke 14,86% (2015).",
    problem:
      "Warga miskin yang sakit, tidak mampu membayar sekolah atau rumahnya tidak layak harus mengurus ke banyak " +
      "dinas dengan data yang berbeda-beda.",
    solution:
      "Pemkab Sragen membentuk unit lintas sektor dengan sistem informasi yang terhubung ke kecamatan dan desa; " +
      "permohonan diverifikasi dengan 14 kriteria lalu dirujuk ke program yang sesuai.",
    results:
      "Termasuk 33 inovasi pelayanan publik terbaik KemenPAN-RB 2014; dipelajari daerah lain dan delegasi " +
      "Pakistan (2017).",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "SINOVIK KemenPAN-RB 2014; Solopos 11 Sept 2012; KRjogja 9 Feb 2017",
  },
  {
    slug: "rantang-kasih-banyuwangi",
    name: "Rantang Kasih Kabupaten Banyuwangi",
    regionCode: "35.10",
    startedYear: 2017,
    spmField: "SOCIAL",
    sector: "Perlindungan lansia",
    tags: ["lansia", "makanan bergizi", "warung", "lansia sebatang kara"],
    summary:
      "Lansia miskin yang hidup sebatang kara diantari makanan bergizi dua kali sehari, dimasak oleh warung " +
      "terdekat. Sejak 2017 menjangkau lebih dari 3.000 lansia.",
    problem:
      "Lansia miskin yang tinggal sendiri tidak mampu memasak dan bergantung pada belas kasihan tetangga.",
    solution:
      "Dinas sosial mendata penerima; kecamatan dan desa mengoordinasikan warung terdekat yang memasak dan " +
      "mengantar; dinas kesehatan mengawasi gizi dan kebersihan. Dana dari APBD, dana desa, Baznas dan CSR.",
    results: "Lebih dari 3.000 lansia terjangkau; pada 2024 dianggarkan Rp 6,1 miliar untuk 848 lansia.",
    maturity: "SUSTAINED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Banyuwangi; Antara Jatim; Suara Indonesia 3 Juli 2024",
  },
  {
    slug: "jabar-quick-response",
    name: "Jabar Quick Response (JQR)",
    regionCode: "32",
    startedYear: 2019,
    spmField: "SOCIAL",
    sector: "Respons cepat kemanusiaan",
    tags: ["bantuan darurat", "rumah tidak layak huni", "laporan warga", "relawan"],
    summary:
      "Tim respons cepat provinsi menindaklanjuti laporan warga tentang kondisi darurat kemanusiaan — warga " +
      "sakit tanpa biaya, rumah roboh, anak terlantar — bersama OPD, kabupaten/kota dan relawan.",
    problem:
      "Kasus darurat warga yang viral atau dilaporkan sering jatuh di antara kewenangan banyak instansi.",
    solution:
      "Pemprov Jawa Barat membentuk tim yang menerima laporan lewat media sosial dan hotline, memverifikasi, " +
      "lalu menghubungkan ke program dinas atau donatur.",
    results: "Berjalan sejak 2019 sebagai kanal tetap penanganan kasus kemanusiaan di Jawa Barat.",
    maturity: "IMPLEMENTED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemprov Jawa Barat",
  },
  {
    slug: "sekoper-cinta-jawa-barat",
    name: "Sekolah Perempuan Capai Impian dan Cita-cita (Sekoper Cinta)",
    regionCode: "32",
    startedYear: 2019,
    spmField: null,
    sector: "Pemberdayaan perempuan",
    tags: ["perempuan", "pemberdayaan", "desa", "kekerasan", "pernikahan anak"],
    summary:
      "Sekolah nonformal bagi perempuan desa tentang keluarga, ekonomi, dan pencegahan kekerasan serta " +
      "pernikahan anak.",
    problem:
      "Perempuan di desa kurang akses pada pengetahuan hak, kesehatan keluarga dan ekonomi rumah tangga.",
    solution:
      "DP3AKB Jawa Barat menyelenggarakan kelas berkala di desa dengan kurikulum dan fasilitator, diikuti " +
      "wisuda dan kelompok alumni.",
    results: "Diselenggarakan di desa-desa di seluruh kabupaten/kota Jawa Barat sejak 2019.",
    maturity: "IMPLEMENTED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemprov Jawa Barat (DP3AKB)",
  },
  // ── tata kelola dan layanan lain ──
  {
    slug: "smart-kampung-banyuwangi",
    name: "Smart Kampung Kabupaten Banyuwangi",
    regionCode: "35.10",
    startedYear: 2016,
    spmField: null,
    sector: "Layanan desa digital",
    tags: ["desa", "internet", "adminduk", "online", "pelayanan desa"],
    summary:
      "Kantor desa tersambung internet dan menjadi tempat warga mengurus dokumen kependudukan, perizinan dan " +
      "layanan kesehatan tanpa ke kota kabupaten.",
    problem: "Warga desa harus menempuh jarak jauh ke kantor kabupaten untuk akta, KTP atau izin.",
    solution:
      "Pemkab Banyuwangi menyambungkan desa dengan serat optik dan memindahkan layanan administrasi ke kantor " +
      "desa, dibantu aplikasi dan petugas desa.",
    results: "Diterapkan bertahap di desa-desa Banyuwangi sejak 2016.",
    maturity: "IMPLEMENTED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Banyuwangi; pemberitaan nasional 2016",
  },
  {
    slug: "mal-pelayanan-publik-banyuwangi",
    name: "Mal Pelayanan Publik Kabupaten Banyuwangi",
    regionCode: "35.10",
    startedYear: 2017,
    spmField: null,
    sector: "Pelayanan terpadu",
    tags: ["MPP", "perizinan", "adminduk", "satu tempat", "antrean"],
    summary:
      "Ratusan jenis layanan daerah, instansi vertikal, BUMN dan bank dilayani di satu gedung, dari KTP dan " +
      "paspor sampai izin usaha.",
    problem: "Warga berpindah-pindah kantor dan antre berulang untuk satu urusan.",
    solution:
      "Pemkab Banyuwangi membuka mal pelayanan publik dengan loket dari banyak instansi dan sistem antrean " +
      "bersama, termasuk di akhir pekan.",
    results: "Menjadi salah satu MPP pertama di Indonesia dan rujukan KemenPAN-RB.",
    maturity: "REPLICATED",
    form: "PUBLIC_SERVICE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Banyuwangi; KemenPAN-RB",
  },
  {
    slug: "e-procurement-surabaya",
    name: "Pengadaan barang/jasa elektronik (e-procurement) Kota Surabaya",
    regionCode: "35.78",
    startedYear: 2003,
    spmField: null,
    sector: "Pengadaan barang dan jasa",
    tags: ["pengadaan", "lelang", "transparansi", "online", "LPSE"],
    summary:
      "Lelang pengadaan pemerintah kota diumumkan dan ditawar secara daring, sehingga penyedia tidak perlu " +
      "bertemu panitia dan harga lebih bersaing.",
    problem: "Pengadaan tatap muka membuka peluang kolusi dan membuat proses lama.",
    solution:
      "Pemkot Surabaya membangun sistem pengadaan elektronik sendiri pada awal 2000-an, dari pengumuman, " +
      "pendaftaran, hingga penawaran.",
    results: "Menjadi salah satu cikal bakal LPSE nasional.",
    maturity: "REPLICATED",
    form: "GOVERNANCE",
    type: "DIGITAL",
    initiator: "AGENCY",
    source: "Pemkot Surabaya; LKPP",
  },
  {
    slug: "tomira-kulon-progo",
    name: "Toko Milik Rakyat (Tomira) Kabupaten Kulon Progo",
    regionCode: "34.01",
    startedYear: 2014,
    spmField: null,
    sector: "Ekonomi lokal dan koperasi",
    tags: ["koperasi", "UMKM", "produk lokal", "pasar tradisional", "Bela Beli Kulon Progo"],
    summary:
      "Minimarket berjejaring yang melanggar jarak dari pasar rakyat diambil alih koperasi dan wajib menjual " +
      "minimal 20% produk lokal. Pada 2019 sudah ada 17 Tomira.",
    problem: "Minimarket berjejaring di dekat pasar tradisional menggerus pedagang dan UMKM lokal.",
    solution:
      "Perda Kulon Progo 11/2011 melarang toko modern berjejaring dalam radius 1 km dari pasar tradisional; " +
      "toko yang melanggar ditawari diambil alih koperasi, dengan waralaba lama sebagai pemasok.",
    results: "17 Tomira pada 2019, dengan 20% produk lokal seperti beras, kopi dan AirKu.",
    maturity: "SUSTAINED",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Kulon Progo; Tempo 25 April 2016; Harian Jogja 9 Juli 2019; menpan.go.id",
  },
  {
    slug: "dialog-jumat-bojonegoro",
    name: "Dialog Publik Jumat Kabupaten Bojonegoro",
    regionCode: "35.22",
    startedYear: 2008,
    spmField: null,
    sector: "Pengaduan masyarakat",
    tags: ["dialog", "pengaduan", "keterbukaan", "pendopo"],
    summary:
      "Setiap Jumat warga datang ke pendopo kabupaten dan menyampaikan keluhan langsung kepada bupati dan kepala " +
      "OPD, yang menjawab di tempat dan disiarkan radio.",
    problem: "Keluhan warga tidak sampai ke pimpinan daerah atau tidak ditindaklanjuti.",
    solution:
      "Bupati menjadwalkan dialog terbuka mingguan bersama kepala OPD, dicatat dan ditindaklanjuti; kemudian " +
      "dilengkapi kanal pengaduan daring.",
    results: "Menjadi tradisi pemerintahan terbuka Bojonegoro, yang menjadi perintis OGP subnasional 2016.",
    maturity: "SUSTAINED",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "HEAD_OF_REGION",
    source: "Pemkab Bojonegoro; Open Government Partnership (2016)",
  },
];

/** The seed cases of PRODUCT.md not yet in the catalogue, at the maturity of their stage. */
export const SEED_CASE_PRACTICES: CataloguePractice[] = [
  {
    slug: "percepatan-kinerja-sanitasi-lampung-barat",
    name: "Percepatan kinerja sanitasi aman Dinas PUPR Kabupaten Lampung Barat",
    regionCode: "18.04",
    startedYear: 2024,
    spmField: "PUBLIC_WORKS",
    sector: "Sanitasi (air limbah domestik)",
    tags: ["sanitasi aman", "SPM", "IPLT", "truk tinja", "aksi perubahan"],
    summary:
      "Aksi perubahan Sekretaris Dinas PUPR dalam Pelatihan Kepemimpinan Administrator: sanitasi layak sudah " +
      "95,46%, tetapi sanitasi aman baru 1,22% (2023). Sedang diujicobakan sejak tim dibentuk 27 Mei 2024.",
    problem:
      "Lumpur tinja belum disedot dan diolah secara aman, IPLT Bahway belum beroperasi, dan data sasaran belum " +
      "ada; padahal SPM (Permendagri 59/2021, Permenpupr 13/2023) menjadikan sanitasi hak dasar warga.",
    solution:
      "Tim kerja dinas dengan penugasan: pendataan kelompok sasaran, sosialisasi, kelembagaan sanitasi, " +
      "pengajuan truk tinja, penilaian IPLT Bahway, dan aplikasi pemantauan serta informasi sanitasi.",
    results:
      "Tindak lanjut publik: tim kerja terbentuk dan penugasan berjalan (Juni 2024); capaian sanitasi aman " +
      "diukur terhadap baseline 1,22%.",
    maturity: "PILOTED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "CIVIL_SERVANT",
    source: "Dinas PUPR Kab. Lampung Barat, berita 19 Juni 2024 (/work/shared/seeds)",
    projectId: "demo-project-sanitasi-lampung-barat",
  },
  {
    slug: "siap-bpkad-lahat",
    name: "SIAP BPKAD: konsultasi keuangan daerah lewat aplikasi, Kabupaten Lahat",
    regionCode: "16.04",
    startedYear: 2023,
    spmField: null,
    sector: "Pengelolaan keuangan daerah",
    tags: ["konsultasi", "aplikasi", "BPKAD", "antrean", "proyek perubahan"],
    summary:
      "Proyek perubahan PKN II Kepala BPKAD Lahat, diluncurkan Bupati pada 10 Oktober 2023: konsultasi dan " +
      "koordinasi sederhana dilayani lewat aplikasi, bukan kunjungan.",
    problem:
      "BPKAD menerima 5.129 kunjungan pada 2022 dan 4.772 pada Januari–September 2023, kebanyakan urusan sederhana.",
    solution: "Aplikasi sistem informasi pelayanan konsultasi (SIAP) untuk OPD dan penerima layanan.",
    results: "Diluncurkan 10 Oktober 2023; Bupati meminta implementasi, tidak berhenti di tengah jalan.",
    maturity: "PILOTED",
    form: "GOVERNANCE",
    type: "DIGITAL",
    initiator: "CIVIL_SERVANT",
    source: "Launching proyek perubahan PKN II Angkatan XX Kab. Lahat, 10 Okt 2023 (/work/shared/seeds)",
    projectId: "demo-project-siap-bpkad-lahat",
  },
  {
    slug: "perjaka-papan-digital-jalan-lahat",
    name: "PERJAKA: papan digital pengawasan pemeliharaan jalan kabupaten Lahat",
    regionCode: "16.04",
    startedYear: 2023,
    spmField: "PUBLIC_WORKS",
    sector: "Jalan",
    tags: ["jalan rusak", "jalan kabupaten", "papan digital", "pemantauan", "proyek perubahan"],
    summary:
      "Proyek perubahan Kepala Dinas PUPR Lahat: dinas dan warga memantau kondisi 1.339,15 km ruas jalan " +
      "kabupaten pada papan digital. Diluncurkan 10 Oktober 2023.",
    problem: "Kerusakan ruas jalan kabupaten sulit dipantau bersama; kondisi jalan baik 78,35% pada 2022.",
    solution:
      "Papan digital kondisi ruas jalan dan kolaborasi pemangku kepentingan dalam pengawasan pemeliharaan.",
    results: "Diluncurkan 10 Oktober 2023; target kondisi jalan baik 83% pada 2023.",
    maturity: "PILOTED",
    form: "PUBLIC_SERVICE",
    type: "DIGITAL",
    initiator: "CIVIL_SERVANT",
    source: "Launching proyek perubahan PKN II Angkatan XX Kab. Lahat, 10 Okt 2023 (/work/shared/seeds)",
    projectId: "demo-project-perjaka-lahat",
  },
  {
    slug: "sip-benar-csr-lahat",
    name: "SIP BENAR: sistem informasi pembangunan berbasis dana CSR, Kabupaten Lahat",
    regionCode: "16.04",
    startedYear: 2023,
    spmField: null,
    sector: "Perencanaan pembangunan",
    tags: ["CSR", "perencanaan", "Bappeda", "sistem informasi", "proyek perubahan"],
    summary:
      "Proyek perubahan Kepala Bappeda Lahat: program CSR perusahaan dihimpun dalam satu sistem dan " +
      "diselaraskan dengan prioritas pembangunan daerah. Diluncurkan 10 Oktober 2023.",
    problem:
      "Program CSR perusahaan belum tercatat dalam satu sistem dan belum selaras dengan rencana daerah.",
    solution: "Sistem informasi pembangunan yang menautkan dana CSR ke prioritas daerah.",
    results: "Diluncurkan 10 Oktober 2023 bersama tiga proyek perubahan lain.",
    maturity: "PILOTED",
    form: "GOVERNANCE",
    type: "DIGITAL",
    initiator: "CIVIL_SERVANT",
    source: "Launching proyek perubahan PKN II Angkatan XX Kab. Lahat, 10 Okt 2023 (/work/shared/seeds)",
    projectId: "demo-project-sip-benar-lahat",
  },
  {
    slug: "e-agenda-dprd-lahat",
    name: "e-Agenda Sekretariat DPRD Kabupaten Lahat",
    regionCode: "16.04",
    startedYear: 2023,
    spmField: null,
    sector: "Tata kelola pemerintahan",
    tags: ["DPRD", "agenda", "website", "keterbukaan", "proyek perubahan"],
    summary:
      "Proyek perubahan Sekretaris DPRD Lahat: agenda kegiatan DPRD terbit rutin dan terbuka di website. " +
      "Diluncurkan 10 Oktober 2023.",
    problem: "Agenda kegiatan DPRD belum mudah diketahui oleh anggota, OPD dan masyarakat.",
    solution: "Website e-Agenda yang diperbarui Sekretariat DPRD.",
    results: "Diluncurkan 10 Oktober 2023 bersama tiga proyek perubahan lain.",
    maturity: "PILOTED",
    form: "GOVERNANCE",
    type: "DIGITAL",
    initiator: "CIVIL_SERVANT",
    source: "Launching proyek perubahan PKN II Angkatan XX Kab. Lahat, 10 Okt 2023 (/work/shared/seeds)",
    projectId: "demo-project-e-agenda-lahat",
  },
  {
    slug: "rencana-peningkatan-kinerja-kesehatan-serang",
    name: "Rencana Peningkatan Kinerja (PIP) bidang kesehatan Kabupaten Serang",
    regionCode: "36.04",
    startedYear: 2025,
    spmField: "HEALTH",
    sector: "Kesehatan",
    tags: ["PIP", "lintas OPD", "imunisasi", "gizi", "persalinan di faskes", "stunting"],
    summary:
      "Dinas Kesehatan dan OPD lain mencari akar masalah kinerja kesehatan bersama tim ahli Kementerian " +
      "Keuangan, diukur dengan empat indikator. Tahap rencana: audiensi 16 Juni dan lokakarya 17 Juni 2025.",
    problem:
      "Kinerja kesehatan sudah membaik tetapi belum melompat, dan kesehatan juga urusan OPD selain Dinas Kesehatan.",
    solution:
      "Audiensi dengan Bupati, lokakarya lintas OPD, lalu dokumen rencana dari tim ahli yang dibahas bersama " +
      "dalam pertemuan luring dan daring berkala.",
    results:
      "Indikator: usia harapan hidup, imunisasi dasar lengkap, anak bergizi normal, persalinan di fasilitas " +
      "kesehatan; nilainya belum dilaporkan.",
    maturity: "IDEA",
    form: "GOVERNANCE",
    type: "NON_DIGITAL",
    initiator: "AGENCY",
    source: "Pilar Banten, 17 Juni 2025 (/work/shared/seeds)",
    projectId: "demo-project-pip-kesehatan-serang-2025",
  },
];

export async function upsertCataloguePractices(tx: Tx) {
  const all = [...CATALOGUE_PRACTICES, ...SEED_CASE_PRACTICES];
  const projects = new Set(
    (
      await tx.changeProject.findMany({
        where: { id: { in: all.flatMap((p) => (p.projectId ? [p.projectId] : [])) } },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  for (const [i, p] of all.entries()) {
    const { slug, form, type, initiator, source: _source, projectId, ...rest } = p;
    const data = {
      ...rest,
      status: "PUBLISHED" as const,
      projectId: projectId && projects.has(projectId) ? projectId : null,
      innovationForm: form,
      innovationType: type,
      innovationInitiator: initiator,
      innovationStage:
        p.maturity === "IDEA"
          ? ("INITIATIVE" as const)
          : p.maturity === "PILOTED"
            ? ("TRIAL" as const)
            : ("IMPLEMENTATION" as const),
      publishedAt: published(p.startedYear, i),
    };
    await tx.practice.upsert({
      where: { slug },
      create: { id: `demo-practice-${slug}`, slug, ...data },
      update: data,
    });
  }
  return all.length;
}

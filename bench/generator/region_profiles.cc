#include "bench/generator/region_profiles.h"

namespace cxkit::bench {
namespace {

std::vector<RegionProfile> MakeRegionProfiles() {
  std::vector<RegionProfile> regions;
  regions.push_back(RegionProfile{
      "RU",
      "7",
      "ru-RU",
      "8 10",
      25,
      {{"Анна", "anna"},
       {"Мария", "maria"},
       {"Елена", "elena"},
       {"Ольга", "olga"},
       {"Иван", "ivan"},
       {"Дмитрий", "dmitry"},
       {"Сергей", "sergey"},
       {"Алексей", "alexey"}},
      {{"Смирнова", "smirnova"},
       {"Иванова", "ivanova"},
       {"Кузнецова", "kuznetsova"},
       {"Попова", "popova"},
       {"Смирнов", "smirnov"},
       {"Иванов", "ivanov"},
       {"Соколов", "sokolov"},
       {"Волков", "volkov"}},
      {"Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург"},
      {"yandex.ru", "mail.ru", "gmail.com", "ya.ru"},
      {{85,
        {"900", "903", "905", "910", "915", "916", "925", "926", "977", "985"},
        10,
        {"8 (###) ###-##-##", "+7 ### ###-##-##", "8##########", "+7##########",
         "8-###-###-##-##", "+7 (###) ### ## ##", "7##########"}},
       {15,
        {"495", "499", "812"},
        10,
        {"8 (###) ###-##-##", "+7 (###) ###-##-##", "(###) ###-##-##"}}}});
  regions.push_back(RegionProfile{
      "DE",
      "49",
      "de-DE",
      "00",
      20,
      {{"Lena", "lena"},
       {"Anna", "anna"},
       {"Julia", "julia"},
       {"Sophie", "sophie"},
       {"Lukas", "lukas"},
       {"Jonas", "jonas"},
       {"Felix", "felix"},
       {"Maximilian", "maximilian"}},
      {{"Müller", "mueller"},
       {"Schmidt", "schmidt"},
       {"Schneider", "schneider"},
       {"Fischer", "fischer"},
       {"Weber", "weber"},
       {"Meyer", "meyer"},
       {"Wagner", "wagner"},
       {"Becker", "becker"}},
      {"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main"},
      {"gmx.de", "web.de", "gmail.com", "t-online.de"},
      {{80,
        {"151", "152", "157", "160", "162", "170", "171", "172", "173", "175",
         "176", "177", "178", "179"},
        11,
        {"0### ########", "+49 ### ########", "0###/########",
         "+49 (0)### ########", "0049 ### ########", "+49###########",
         "0###-########"}},
       {20,
        {"30", "40", "89"},
        10,
        {"0## ########", "+49 ## ########", "(0##) ########",
         "+49 (0)## ########"}}}});
  regions.push_back(RegionProfile{
      "US",
      "1",
      "en-US",
      "011",
      18,
      {{"Emily", "emily"},
       {"Olivia", "olivia"},
       {"Madison", "madison"},
       {"Ava", "ava"},
       {"Michael", "michael"},
       {"James", "james"},
       {"Daniel", "daniel"},
       {"Ethan", "ethan"}},
      {{"Smith", "smith"},
       {"Johnson", "johnson"},
       {"Williams", "williams"},
       {"Brown", "brown"},
       {"Jones", "jones"},
       {"Garcia", "garcia"},
       {"Miller", "miller"},
       {"Davis", "davis"}},
      {"New York", "San Francisco", "Chicago", "Austin", "Seattle"},
      {"gmail.com", "yahoo.com", "outlook.com", "icloud.com"},
      {{100,
        {"212", "206", "305", "312", "415", "512", "617", "646", "702", "718"},
        10,
        {"(###) ###-####", "+1 ###-###-####", "###.###.####", "1-###-###-####",
         "+1##########", "### ### ####", "+1 (###) ###-####"}}}});
  regions.push_back(RegionProfile{
      "GB",
      "44",
      "en-GB",
      "00",
      10,
      {{"Amelia", "amelia"},
       {"Isla", "isla"},
       {"Grace", "grace"},
       {"Freya", "freya"},
       {"Oliver", "oliver"},
       {"Harry", "harry"},
       {"George", "george"},
       {"Jack", "jack"}},
      {{"Taylor", "taylor"},
       {"Evans", "evans"},
       {"Thomas", "thomas"},
       {"Roberts", "roberts"},
       {"Walker", "walker"},
       {"Wright", "wright"},
       {"Hughes", "hughes"},
       {"Green", "green"}},
      {"London", "Manchester", "Birmingham", "Leeds", "Glasgow"},
      {"gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com"},
      {{80,
        {"74", "75", "77", "78", "79"},
        10,
        {"0#### ######", "+44 #### ######", "+44 (0)#### ######",
         "00 44 #### ######", "+44##########"}},
       {20,
        {"20"},
        10,
        {"0## #### ####", "+44 ## #### ####", "+44 (0) ## #### ####",
         "(0##) #### ####"}}}});
  regions.push_back(
      RegionProfile{"FR",
                    "33",
                    "fr-FR",
                    "00",
                    6,
                    {{"Louise", "louise"},
                     {"Chloé", "chloe"},
                     {"Camille", "camille"},
                     {"Léa", "lea"},
                     {"Hugo", "hugo"},
                     {"Louis", "louis"},
                     {"Gabriel", "gabriel"},
                     {"Arthur", "arthur"}},
                    {{"Martin", "martin"},
                     {"Bernard", "bernard"},
                     {"Dubois", "dubois"},
                     {"Thomas", "thomas"},
                     {"Robert", "robert"},
                     {"Richard", "richard"},
                     {"Petit", "petit"},
                     {"Durand", "durand"}},
                    {"Paris", "Lyon", "Marseille", "Toulouse", "Lille"},
                    {"orange.fr", "gmail.com", "free.fr", "laposte.net"},
                    {{100,
                      {"6", "7"},
                      9,
                      {"0# ## ## ## ##", "+33 # ## ## ## ##", "0#.##.##.##.##",
                       "+33 (0)# ## ## ## ##", "0#########"}}}});
  regions.push_back(RegionProfile{
      "IT",
      "39",
      "it-IT",
      "00",
      6,
      {{"Giulia", "giulia"},
       {"Sofia", "sofia"},
       {"Aurora", "aurora"},
       {"Alice", "alice"},
       {"Leonardo", "leonardo"},
       {"Francesco", "francesco"},
       {"Lorenzo", "lorenzo"},
       {"Mattia", "mattia"}},
      {{"Rossi", "rossi"},
       {"Russo", "russo"},
       {"Ferrari", "ferrari"},
       {"Esposito", "esposito"},
       {"Bianchi", "bianchi"},
       {"Romano", "romano"},
       {"Colombo", "colombo"},
       {"Ricci", "ricci"}},
      {"Roma", "Milano", "Napoli", "Torino", "Bologna"},
      {"libero.it", "gmail.com", "virgilio.it", "hotmail.it"},
      {{75,
        {"32", "33", "34", "35", "36", "38", "39"},
        10,
        {"### ### ####", "+39 ### ### ####", "0039 ### ### ####",
         "+39##########"}},
       // Landlines keep their leading 0 after the calling code ("Italian
       // leading zero").
       {25,
        {"06", "02"},
        10,
        {"## #### ####", "+39 ## #### ####", "0039 ## ########"}}}});
  regions.push_back(
      RegionProfile{"ES",
                    "34",
                    "es-ES",
                    "00",
                    5,
                    {{"Lucía", "lucia"},
                     {"Martina", "martina"},
                     {"María", "maria"},
                     {"Paula", "paula"},
                     {"Hugo", "hugo"},
                     {"Mateo", "mateo"},
                     {"Martín", "martin"},
                     {"Lucas", "lucas"}},
                    {{"García", "garcia"},
                     {"Rodríguez", "rodriguez"},
                     {"González", "gonzalez"},
                     {"Fernández", "fernandez"},
                     {"López", "lopez"},
                     {"Martínez", "martinez"},
                     {"Sánchez", "sanchez"},
                     {"Pérez", "perez"}},
                    {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"},
                    {"gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"},
                    {{100,
                      {"6", "7"},
                      9,
                      {"### ## ## ##", "+34 ### ## ## ##", "0034 ### ### ###",
                       "+34#########", "### ### ###"}}}});
  regions.push_back(RegionProfile{
      "NL",
      "31",
      "nl-NL",
      "00",
      4,
      {{"Emma", "emma"},
       {"Julia", "julia"},
       {"Tess", "tess"},
       {"Sophie", "sophie"},
       {"Noah", "noah"},
       {"Sem", "sem"},
       {"Liam", "liam"},
       {"Lucas", "lucas"}},
      {{"de Jong", "dejong"},
       {"Jansen", "jansen"},
       {"de Vries", "devries"},
       {"van den Berg", "vandenberg"},
       {"Bakker", "bakker"},
       {"Visser", "visser"},
       {"Smit", "smit"},
       {"Meijer", "meijer"}},
      {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven"},
      {"gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.com"},
      {{100,
        {"6"},
        9,
        {"0#-########", "+31 # ########", "+31 (0)# ########", "0# ## ## ## ##",
         "0031 # ########"}}}});
  // Shares the calling code 7 with RU; its numbers parse with KZ's own
  // metadata.
  regions.push_back(
      RegionProfile{"KZ",
                    "7",
                    "kk-KZ",
                    "8 10",
                    3,
                    {{"Айгерим", "aigerim"},
                     {"Динара", "dinara"},
                     {"Асель", "asel"},
                     {"Жанна", "zhanna"},
                     {"Нурлан", "nurlan"},
                     {"Ержан", "erzhan"},
                     {"Арман", "arman"},
                     {"Данияр", "daniyar"}},
                    {{"Ахметова", "akhmetova"},
                     {"Сулейменова", "suleimenova"},
                     {"Омарова", "omarova"},
                     {"Абдуллина", "abdullina"},
                     {"Ахметов", "akhmetov"},
                     {"Сулейменов", "suleimenov"},
                     {"Омаров", "omarov"},
                     {"Жумабаев", "zhumabaev"}},
                    {"Алматы", "Астана", "Шымкент", "Караганда", "Актобе"},
                    {"mail.ru", "gmail.com", "yandex.kz", "inbox.ru"},
                    {{100,
                      {"700", "701", "705", "707", "747", "771", "777"},
                      10,
                      {"8 (###) ### ## ##", "+7 ### ### ## ##", "8##########",
                       "+7 (###) ###-##-##"}}}});
  // BR's metadata has a national prefix transform rule: these numbers exercise
  // the libphonenumber path of PhoneNormalizer.
  regions.push_back(
      RegionProfile{"BR",
                    "55",
                    "pt-BR",
                    "00 21",  // 00 and a carrier selection code
                    3,
                    {{"Maria", "maria"},
                     {"Ana", "ana"},
                     {"Júlia", "julia"},
                     {"Beatriz", "beatriz"},
                     {"João", "joao"},
                     {"Pedro", "pedro"},
                     {"Lucas", "lucas"},
                     {"Gabriel", "gabriel"}},
                    {{"Silva", "silva"},
                     {"Santos", "santos"},
                     {"Oliveira", "oliveira"},
                     {"Souza", "souza"},
                     {"Lima", "lima"},
                     {"Pereira", "pereira"},
                     {"Costa", "costa"},
                     {"Ferreira", "ferreira"}},
                    {"São Paulo", "Rio de Janeiro", "Belo Horizonte",
                     "Curitiba", "Porto Alegre"},
                    {"gmail.com", "hotmail.com", "uol.com.br", "bol.com.br"},
                    {{100,
                      {"119", "219", "319", "419", "519", "619"},
                      11,
                      {"(##) #####-####", "+55 ## #####-####",
                       "+55 (##) #####-####", "0 ## #####-####"}}}});
  return regions;
}

}  // namespace

const std::vector<RegionProfile>& RegionProfiles() {
  static const std::vector<RegionProfile>* const regions =
      new std::vector<RegionProfile>(MakeRegionProfiles());
  return *regions;
}

const RegionProfile& PickRegion(SeededRandom& random) {
  const std::vector<RegionProfile>& regions = RegionProfiles();
  int total = 0;
  for (const RegionProfile& region : regions) total += region.weight;
  uint64_t point = random.Below(static_cast<uint64_t>(total));
  for (const RegionProfile& region : regions) {
    if (point < static_cast<uint64_t>(region.weight)) return region;
    point -= static_cast<uint64_t>(region.weight);
  }
  return regions.back();
}

std::string MakeNationalNumber(const RegionProfile& region,
                               SeededRandom& random, size_t* plan) {
  int total = 0;
  for (const NumberPlan& p : region.plans) total += p.weight;
  uint64_t point = random.Below(static_cast<uint64_t>(total));
  *plan = region.plans.size() - 1;
  for (size_t i = 0; i < region.plans.size(); ++i) {
    if (point < static_cast<uint64_t>(region.plans[i].weight)) {
      *plan = i;
      break;
    }
    point -= static_cast<uint64_t>(region.plans[i].weight);
  }
  const NumberPlan& chosen = region.plans[*plan];
  std::string number = chosen.prefixes[random.Below(chosen.prefixes.size())];
  number += random.Digits(chosen.length - static_cast<int>(number.size()));
  return number;
}

std::string FillSpelling(const std::string& spelling,
                         const std::string& national_number) {
  std::string out;
  out.reserve(spelling.size() + 4);
  size_t next = 0;
  for (char c : spelling) {
    if (c != '#') {
      out.push_back(c);
    } else if (next < national_number.size()) {
      out.push_back(national_number[next++]);
    }
  }
  out.append(national_number, next, std::string::npos);
  return out;
}

}  // namespace cxkit::bench

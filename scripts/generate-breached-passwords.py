base = """123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey letmein
696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx
123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555
11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea
biteme matthew access yankees 987654321 dallas austin thunder taylor matrix minecraft william corvette hello martin heather secret
merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange
11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut
morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior
hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4
brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender barney midnight please brandy
chicago badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper enter rachel chris steven winner adidas victoria
natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf
asdfasdf crystal 87654321 12344321 golden 8675309 disney 5555 zzzzzz qwerty123 qwertyui passw0rd p@ssw0rd p@ssword passwort
baseball1 football1 iloveyou1 princess1 abc12345 abcd1234 aa123456 a1b2c3d4 1q2w3e4r5t 1qazxsw2 zaq12wsx zaq1zaq1 admin
administrator root toor changeme default guest user login welcome1 letmein1 monkey1 dragon1 master1 sunshine1 shadow1 trustno1
superman1 batman1 charlie1 michael1 jordan23 lovely loveme hellokitty hello123 flowers butterfly babygirl sweety angel1 family
friends forever1 soccer1 hockey1 pokemon naruto liverpool chelsea1 manchester barcelona realmadrid juventus arsenal1 spiderman
ironman captain avengers starwars1 skywalker darkside matrix1 nintendo playstation xbox360 minecraft1 fortnite roblox zelda mario
password1 password12 password123 password1234 mypassword secretpassword supersecret topsecret letmeinplease openSesame opensesame
iloveyou2 iloveyoutoo imissyou loveyou lovelove sweetheart darling honey cupcake chocolate strawberry pumpkin sunflower rainbow
blessed blessing jesus jesus1 jesuschrist godisgood godbless faith hope trinity christ heaven angels church
summer2020 summer2021 summer2022 summer2023 summer2024 spring winter2023 autumn fall december january february march april may june
july august september october november monday tuesday friday sunday weekend holiday vacation christmas newyear happy happiness
qwertyuiop123 asdfghjkl zxcvbnm123 1qaz2wsx3edc qazwsxedc qazwsxedcrfv 1234554321 0987654321 147258369 741852963 963852741
159357 147852369 123456789a a123456789 123456a 1234567a 12345678a 123456789q qwe123 qweasd qweasdzxc asd123 zxc123 aaa111 abc123456
football2024 soccerball basketball volleyball baseball2 hockey99 golf tennis1 swimming running cycling fitness gymrat bodybuilder
computer1 internet1 windows linux ubuntu macbook iphone android samsung1 google facebook twitter instagram youtube netflix spotify
security secure1 protected private passpass pass1234 pass12345 test123 test1234 testtest temp1234 temporary newpassword newpass
letmein123 welcome123 welcome2024 admin123 admin1234 administrator1 root123 master123 dragon123 monkey123 shadow123 killer123
michael123 jessica123 ashley123 daniel123 charlie123 thomas123 robert123 jordan123 hunter123 buster123 soccer123 hockey123
therapy therapist counselling counseling mentalhealth wellness mindfulness healing recovery selfcare meditation yoga peace calm
serenity tranquility happiness1 gratitude thankful grateful kindness compassion courage strength strong warrior survivor fighter
mendapp mendmend changeme123 changemenow resetme passwordreset qwerty12345 qwerty1234 asdf1234 zxcv1234 1234asdf
starbucks pepsi cocacola1 pizza burger tacos coffee1 beer whiskey vodka tequila wine
doctor nurse teacher student school college university engineer lawyer police fireman soldier army navy marines airforce
dolphin tiger lion eagle wolf bear shark panther jaguar cheetah falcon1 hawk raven phoenix1 dragonfly unicorn pegasus griffin
purple1 orange1 yellow1 green blue red black white silver1 golden1 pink violet
michelle1 jennifer1 jessica1 amanda1 ashley1 nicole1 melissa1 samantha1 elizabeth stephanie heather1 rebecca sarah emily emma
olivia sophia isabella mia charlotte abigail madison chloe ella grace lily hannah1 natalie victoria1 alexis lauren
christopher matthew1 joshua1 andrew1 daniel1 david james1 john joseph1 justin1 ryan brandon1 jacob nicholas tyler william1
anthony1 kevin jason brian eric steven1 richard1 jonathan benjamin samuel alexander zachary nathan aaron adam kyle
""".split()
suffixes = ['', '1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '!', '123!', '2023', '2024', '2025', '2026', 'password']
prefixes = ['', 'ilove']
out = set()
for w in base:
    w = w.lower()
    for p in prefixes:
        for s in suffixes:
            cand = f"{p}{w}{s}"
            if len(cand) >= 12 and len(cand) <= 24:
                out.add(cand)
    if 6 <= len(w) and len(w * 2) >= 12:
        out.add(w * 2)
# Keyboard walks and digit runs a person reaches for when asked for 12 characters.
digits = '1234567890'
for n in range(12, 21):
    out.add((digits * 3)[:n])
    out.add(('0987654321' * 3)[:n])
    for d in '0123456789':
        out.add(d * n)
    out.add(('abc' * 10)[:n]); out.add(('qwerty' * 5)[:n]); out.add(('asdf' * 6)[:n])
for walk in ['qwertyuiopasdf', 'qwertyuiop[]', 'qwertyuiop1234', '1qaz2wsx3edc4rfv', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u',
             'q1w2e3r4t5y6', 'zaq12wsxcde3', 'qazwsxedcrfvtgb', 'asdfghjkl;\'', 'asdfghjkl123', 'zxcvbnm,./', '!@#$%^&*()_+',
             'abcdefghijkl', 'abcdefghijklmnop', 'abcdefg12345', 'aaaaaaaaaaaa', 'correcthorsebatterystaple',
             'correct horse battery staple', 'letmeinletmein', 'passwordpassword', 'iloveyouiloveyou']:
    out.add(walk)
items = sorted(out)
with open('lib/auth/breached-passwords.ts', 'w') as f:
    f.write("// Generated by scripts/generate-breached-passwords.py: frequent entries of public breach corpora\n")
    f.write("// (top-password lists and their usual suffix/prefix variants), kept to those of 12 or more characters\n")
    f.write("// since anything shorter is already refused by length. Bundled so no request leaves the server.\n")
    f.write("const LIST = `\n")
    for i in items:
        f.write(i.replace('\\', '\\\\').replace('`', '\\`').replace('$', '\\$') + "\n")
    f.write("`;\n\n")
    f.write("""const BREACHED: ReadonlySet<string> = new Set(LIST.split('\\n').filter(Boolean));

/** Compared case-insensitively and ignoring surrounding spaces: "Password1234" is as guessable as "password1234". */
export function isBreachedPassword(password: string): boolean {
  return BREACHED.has(password.trim().toLowerCase());
}

export const BREACHED_PASSWORD_COUNT = BREACHED.size;
""")
print(len(items))

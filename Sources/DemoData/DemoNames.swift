import Domain
/// Name parts for the generated demo population: common surnames (weighted toward Sichuan's), given-name
/// characters by generation and sex, and the pieces of village names.
enum DemoNames {
    static let surnames = Array(
        "张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万武钱戴严莫孔向常汤康易乔赖文"
    ).map(String.init)
    /// The first dozen surnames are much more common; they are drawn from twice as often.
    static let commonSurnameCount = 12

    static let olderMale = Array("德福贵成海云文春祥兵明建国华平刚林志强军勇忠良洪发全").map(String.init)
    static let olderFemale = Array("芳英兰秀霞丽琴梅玉红燕萍珍凤娟敏桂琼翠莲素淑华").map(String.init)
    static let youngerMale = Array("伟杰波涛斌鹏磊超浩宇轩博俊睿泽晨阳凯航毅").map(String.init)
    static let youngerFemale = Array("婷雪丹欣怡涵琪萱诗雨思佳静慧莉悦婧瑶").map(String.init)

    static let villageFirst = Array("石桂双新柏白黄高龙凤金青松观马天太永长万三五九大东南西红平安清兴和复保丰福宝灵花竹梨杨桃李荷莲麻茶盐铁牌碑鹤").map(String.init)
    static let villageSecond = Array("林湾井坝桥沟山岭堰塘坪田庙店寺滩岩嘴垭冲河溪坡坝院场园亭楼").map(String.init)

    static let chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
}
